"use strict";

// The client side of every example in the middleware documents the product was specified from (Socket.IO's
// middlewares page, the SpreadJS collaboration server's middleware, SocketCluster's middleware lines), written as
// those documents write it. Options: {"scenario": "<name>"}; each scenario prints what the client observed.

const { io } = require("socket.io-client");
const { run, next } = require("./scenario");

const WAIT = 5000;

// Connects and reports {connected} or {error: {message, data, isError}} like the seeds' connect_error handlers.
async function attempt(url, nsp, opts = {}) {
  const socket = io(url + nsp, { reconnection: false, forceNew: true, timeout: WAIT, ...opts });
  const outcome = await Promise.race([
    next(socket, "connect", WAIT).then(() => ({ connected: true })),
    next(socket, "connect_error", WAIT).then(([err]) => ({
      connected: false,
      error: { message: err.message, data: err.data, isError: err instanceof Error },
    })),
  ]);
  return { socket, outcome };
}

const scenarios = {
  // io.use((socket, next) => isValid(socket.request) ? next() : next(new Error("invalid")))
  async valid(url) {
    const bad = await attempt(url, "/seeds-valid");
    bad.socket.close();
    const good = await attempt(url, "/seeds-valid", { query: { valid: "yes" } });
    good.socket.close();
    return { invalid: bad.outcome, valid: good.outcome };
  },

  // three middlewares, the second fails: the third is not executed
  async chain(url) {
    const { socket, outcome } = await attempt(url, "/seeds-chain");
    socket.close();
    return outcome;
  },

  // the client closes while the server's middleware waits: neither "connection" nor "disconnect" fires
  async leaves(url) {
    const socket = io(url + "/seeds-slow", { reconnection: false, forceNew: true });
    await new Promise((resolve) => setTimeout(resolve, 500));
    socket.disconnect();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    return { connected: socket.connected };
  },

  // credentials as a plain object and as a function; the server reads socket.handshake.auth.token
  async credentials(url) {
    const plain = await attempt(url, "/seeds-auth", { auth: { token: "abc" } });
    const viaFunction = await attempt(url, "/seeds-auth", { auth: (cb) => cb({ token: "abc" }) });
    const tokens = [];
    for (const { socket } of [plain, viaFunction]) {
      tokens.push(await socket.timeout(WAIT).emitWithAck("token"));
      socket.close();
    }
    return { tokens };
  },

  // err.data carries additional details
  async details(url) {
    const { socket, outcome } = await attempt(url, "/seeds-data");
    socket.close();
    return outcome;
  },

  // io.engine.use: runs for each HTTP request, including the upgrade; the passport-jwt example checks only the
  // handshake (no sid)
  async engine(url, options) {
    const refused = await attempt(url, "/", { query: { seed: "engine" } });
    refused.socket.close();
    const admitted = await attempt(url, "/", { query: { seed: "engine", token: "jwt" } });
    await new Promise((resolve) => {
      if (admitted.socket.io.engine.transport.name === "websocket") {
        resolve();
      }
      admitted.socket.io.engine.on("upgrade", () => resolve());
      setTimeout(resolve, WAIT);
    });
    const transport = admitted.socket.io.engine.transport.name;
    const echoed = await admitted.socket.timeout(WAIT).emitWithAck("sum", 1, 2);
    admitted.socket.close();
    return { refused: refused.outcome, admitted: admitted.outcome, transport, echoed };
  },

  // collaboration server: connect and message middleware, an error from a connect middleware, a message
  // middleware that short-circuits
  async collab(url) {
    const ordered = await attempt(url, "/seeds-collab");
    const messageAck = await ordered.socket.timeout(WAIT).emitWithAck("message", { text: "hi" });
    const shortCircuited = await ordered.socket.timeout(WAIT).emitWithAck("message", { text: "stop" });
    ordered.socket.close();
    const failing = await attempt(url, "/seeds-collab-error");
    failing.socket.close();
    return { connect: ordered.outcome, messageAck, shortCircuited, failing: failing.outcome };
  },

  // SocketCluster: SUBSCRIBE, PUBLISH_IN, PUBLISH_OUT (no echo to the publisher) and EMIT lines
  async cluster(url) {
    const ann = (await attempt(url, "/seeds-sc", { auth: { name: "ann" } })).socket;
    const bob = (await attempt(url, "/seeds-sc", { auth: { name: "bob" } })).socket;
    const result = {};
    result.subscribeDenied = await ann.timeout(WAIT).emitWithAck("#subscribe", "private");
    result.subscribeSilent = await ann.timeout(WAIT).emitWithAck("#subscribe", "hidden");
    result.subscribed = [await ann.timeout(WAIT).emitWithAck("#subscribe", "news") ?? null,
      await bob.timeout(WAIT).emitWithAck("#subscribe", "news") ?? null];
    const bobReceives = next(bob, "#publish", WAIT);
    let annEcho = null;
    ann.on("#publish", (message) => { annEcho = message; });
    result.publishDenied = await ann.timeout(WAIT).emitWithAck("#publish", { channel: "readonly", data: 1 });
    result.published = await ann.timeout(WAIT).emitWithAck("#publish", { channel: "news", data: "hello" }) ?? null;
    [result.bobReceived] = await bobReceives;
    await new Promise((resolve) => setTimeout(resolve, 300));
    result.annEcho = annEcho;
    result.emitDenied = await bob.timeout(WAIT).emitWithAck("shout", "HEY");
    ann.close();
    bob.close();
    return result;
  },
};

run(async (url, options) => scenarios[options.scenario](url, options));
