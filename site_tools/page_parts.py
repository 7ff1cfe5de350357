"""Names of the pages and page parts that one hook makes and others, and the tests, look for."""

import re

# Pages the hooks make without a Markdown file in docs/, named as if they had one.
STAFF_PAGE = "staff.md"  # staff_links.py
GUIDE_PAGE = "whole-guide.md"  # whole_guide.py
GENERATED_PAGES = [STAFF_PAGE, GUIDE_PAGE]

# The "Sources" section sources_section.py adds to every page, and each source's id in it.
SECTION_ID = "sources"
SOURCE_ID_PREFIX = "source-"  # then the source's key in mkdocs.yml's extra.sources

# A section heading as the pages are rendered: an h2 with an id, wherever the id comes among its
# attributes (`{: .class }` puts class first).
SECTION_HEADING = re.compile(r'<h2\b[^>]*?\sid="(?P<id>[^"]+)"[^>]*>(?P<inner>.*?)</h2>', re.DOTALL)
TAG = re.compile(r"<[^>]+>")
