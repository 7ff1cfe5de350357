"""Send readers the site's own pages, scripts and stylesheets without comments or spare whitespace.

Each page's first view should weigh at most 70 KB, gzip-compressed; the whole guide carries
every page's text. Only what a reader never sees goes. In the pages, comments go and each run of
whitespace becomes one space, as a browser shows it anyway, except inside <pre>, <textarea>,
<script> and <style>; no space is removed outright, because CSS may show block elements inline
(the review dates' <dt> and <dd>), where a minifier that drops spaces between blocks would join
words. The scripts and stylesheets keep every statement and rule. Material's files come minified.
"""

from __future__ import annotations

import htmlmin
import rcssmin
import rjsmin
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

MINIFIERS = {".js": rjsmin.jsmin, ".css": rcssmin.cssmin}


def minified_page(html: str) -> str:
    return htmlmin.minify(html, remove_comments=True)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for file in files:
        suffix = "." + file.dest_uri.rpartition(".")[2]
        if suffix in MINIFIERS and file.abs_src_path and file.src_dir == config.docs_dir:
            file.content_string = MINIFIERS[suffix](file.content_string)
    return files


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return minified_page(output)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """404.html, which is a template, not a page."""
    return minified_page(output_content) if template_name.endswith(".html") else output_content
