"use strict";

// Runs one scenario for dev.realtime.support.NodeClient: reads the server URL and the options object from the
// command line, prints the scenario's result as one JSON line on stdout, and exits 1 with the error on stderr when
// the scenario throws or outlives its time.

const DEFAULT_TIMEOUT_MS = 10000;

function run(scenario) {
  const [url, optionsJson] = process.argv.slice(2);
  if (!url) {
    console.error("usage: node <script> <server url> [options as JSON]");
    process.exit(2);
  }
  const options = optionsJson ? JSON.parse(optionsJson) : {};
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const timer = setTimeout(() => {
    console.error(`scenario did not finish within ${timeoutMs} ms`);
    process.exit(1);
  }, timeoutMs);
  Promise.resolve()
    .then(() => scenario(url.replace(/\/$/, ""), options))
    .then((result) => {
      clearTimeout(timer);
      process.stdout.write(JSON.stringify(result) + "\n");
      process.exit(0);
    })
    .catch((error) => {
      console.error(error && error.stack ? error.stack : error);
      process.exit(1);
    });
}

// Resolves with the arguments of the next `event` on `emitter`, or rejects after `timeoutMs`.
function next(emitter, event, timeoutMs) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      emitter.off(event, listener);
      reject(new Error(`no "${event}" within ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = (...args) => {
      clearTimeout(timer);
      resolve(args);
    };
    emitter.once(event, listener);
  });
}

module.exports = { run, next };
