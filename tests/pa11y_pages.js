// Run pa11y (HTML_CodeSniffer) over many pages in one Chromium tab, one page after another, and
// print {url: [issue, …]} as JSON. pa11y's own command line starts a browser for each page and
// waits for the network to be idle for half a second; here one tab loads each page until its
// `load` event (the site's scripts are deferred, so they have run by then) and pa11y checks it as
// it is. Called by tests/test_outside_checkers.py:  node tests/pa11y_pages.js CONFIG.json URL…
"use strict";
const fs = require("fs");
const pa11y = require("pa11y");
const puppeteer = require("puppeteer");

async function main([configFile, ...urls]) {
  const config = JSON.parse(fs.readFileSync(configFile, "utf8"));
  const browser = await puppeteer.launch(config.chromeLaunchConfig);
  const results = {};
  try {
    const page = await browser.newPage();
    for (const url of urls) {
      const response = await page.goto(url, { waitUntil: "load" });
      if (!response || !response.ok()) throw new Error(`${url}: HTTP ${response && response.status()}`);
      results[url] = (await pa11y(url, { ...config, browser, page, ignoreUrl: true })).issues;
    }
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify(results));
}

main(process.argv.slice(2)).catch((error) => {
  process.stderr.write(`${error.stack || error}\n`);
  process.exit(1);
});
