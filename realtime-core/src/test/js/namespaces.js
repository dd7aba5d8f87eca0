"use strict";

// Joins the namespaces of "namespaces" one after the other over one connection (one Manager), then checks that
// every socket that connected still answers an "echo" ack, leaves the first namespace and joins "then".
//
//   node namespaces.js <server url> '{"namespaces": ["/tab-1", "/tab-2"], "then": "/tab-3", "waitMs": 5000}'
//
// Prints:
//   {"joined": [{"namespace": "/tab-1", "connected": true}, {"namespace": "/tab-2", "connected": false,
//               "error": {"message": "...", "data": ...}}],
//    "echoes": ["/tab-1"], "then": {"namespace": "/tab-3", "connected": true}, "engines": 1}

const { Manager } = require("socket.io-client");
const { run, next } = require("./scenario");

run(async (url, options) => {
  const waitMs = options.waitMs ?? 5000;
  const manager = new Manager(url, { reconnection: false, transports: ["websocket"], timeout: waitMs });
  const engines = new Set();
  manager.on("open", () => engines.add(manager.engine.id));

  async function join(namespace) {
    const socket = manager.socket(namespace);
    const error = await Promise.race([next(socket, "connect", waitMs).then(() => null),
      next(socket, "connect_error", waitMs).then(([failure]) => failure)]);
    if (!error) {
      return { socket, result: { namespace, connected: true } };
    }
    return { socket, result: { namespace, connected: false, error: { message: error.message, data: error.data } } };
  }

  const joined = [];
  for (const namespace of options.namespaces) {
    joined.push(await join(namespace));
  }
  const echoes = [];
  for (const { socket, result } of joined) {
    if (result.connected) {
      await socket.timeout(waitMs).emitWithAck("echo");
      echoes.push(result.namespace);
    }
  }
  joined[0].socket.disconnect();
  const then = await join(options.then);
  manager.engine.close();
  return { joined: joined.map(({ result }) => result), echoes, then: then.result, engines: engines.size };
});
