"use strict";

// Connects to a namespace with an auth payload, waits for an event from the server, emits an event with an ack,
// then disconnects.
//
//   node connect.js <server url> '{"namespace": "/", "auth": {}, "expect": "welcome", "emit": "echo",
//                                  "args": ["hello"], "transports": ["polling", "websocket"], "waitMs": 5000}'
//
// Every option has the default shown; "waitMs" bounds each step, "timeoutMs" (10000) the whole scenario.
// "expect": null skips waiting for a server event; "emit": null skips the emit. Prints:
//   {"connected": true, "id": "<socket id>", "transport": "polling|websocket",
//    "received": [<args of the expected event>], "ack": [<args of the ack>], "disconnectReason": "io client disconnect"}
// or, when the server refuses the connection (CONNECT_ERROR, HTTP error, nothing listening):
//   {"connected": false, "connectError": {"message": "...", "data": <data, when the server sent some>}}

const { io } = require("socket.io-client");
const { run, next } = require("./scenario");

run(async (url, options) => {
  const waitMs = options.waitMs ?? 5000;
  const socket = io(url + (options.namespace ?? "/"), {
    auth: options.auth ?? {},
    transports: options.transports ?? ["polling", "websocket"],
    reconnection: false,
    timeout: waitMs,
  });
  const expected = options.expect === undefined ? "welcome" : options.expect;
  const received = expected ? next(socket, expected, waitMs) : Promise.resolve(null);
  received.catch(() => {});

  const outcome = await Promise.race([next(socket, "connect", waitMs).then(() => null),
    next(socket, "connect_error", waitMs).then(([error]) => error)]);
  if (outcome) {
    socket.close();
    const connectError = { message: outcome.message };
    if (outcome.data !== undefined) {
      connectError.data = outcome.data;
    }
    return { connected: false, connectError };
  }

  const result = { connected: true, id: socket.id, transport: socket.io.engine.transport.name };
  result.received = await received;
  const event = options.emit === undefined ? "echo" : options.emit;
  if (event) {
    result.ack = await new Promise((resolve, reject) => {
      socket.timeout(waitMs).emit(event, ...(options.args ?? ["hello"]), (error, ...args) => {
        return error ? reject(new Error(`no ack for "${event}" within ${waitMs} ms`)) : resolve(args);
      });
    });
  }
  const disconnected = next(socket, "disconnect", waitMs);
  socket.disconnect();
  [result.disconnectReason] = await disconnected;
  return result;
});
