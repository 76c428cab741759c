// pagedjs-cli (used by `npm run bench` as the baseline) bundles puppeteer 20, which would
// download its own Chrome. That download fails here: use Debian's Chromium instead.
module.exports = {
  executablePath: process.env.PUPPETEER_EXECUTABLE_PATH || '/usr/bin/chromium',
  skipDownload: true,
};
