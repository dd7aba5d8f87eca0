"use strict";

// Opens one socket per entry of "addresses", each from that local (loopback) address through an http.Agent bound
// to it, one after the other and each kept open, then closes them all.
//
//   node limits.js <server url> '{"addresses": ["127.0.0.2", "127.0.0.3"], "transports": ["polling"], "waitMs": 5000}'
//
// Prints, in the order of "addresses":
//   {"sockets": [{"address": "127.0.0.2", "connected": true},
//                {"address": "127.0.0.2", "connected": false, "error": "xhr poll error", "status": 403}]}
// "status" is the HTTP status of a refused polling handshake, or what the WebSocket reported of it
// ("Unexpected server response: 403").

const http = require("http");
const { io } = require("socket.io-client");
const { run, next } = require("./scenario");

run(async (url, options) => {
  const waitMs = options.waitMs ?? 5000;
  const opened = [];
  const sockets = [];
  for (const address of options.addresses) {
    const socket = io(url, {
      agent: new http.Agent({ localAddress: address }),
      localAddress: address,
      transports: options.transports ?? ["polling", "websocket"],
      forceNew: true,
      reconnection: false,
      timeout: waitMs,
    });
    opened.push(socket);
    const error = await Promise.race([next(socket, "connect", waitMs).then(() => null),
      next(socket, "connect_error", waitMs).then(([failure]) => failure)]);
    if (!error) {
      sockets.push({ address, connected: true });
      continue;
    }
    const description = error.description;
    const status = typeof description === "number" ? description : description && description.message;
    sockets.push({ address, connected: false, error: error.message, status });
  }
  opened.forEach((socket) => socket.close());
  return { sockets };
});
