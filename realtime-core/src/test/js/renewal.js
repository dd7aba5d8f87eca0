"use strict";

// Connects with a token, renews it in-band with "#authenticate", waits, then asks "whoami", as a client that keeps
// its session past its first token's expiry does.
//
//   node renewal.js <server url> '{"token": "...", "renewals": ["...", "..."], "untilMs": <epoch millis>}'
//
// Each renewal is sent in turn (its answer is the ack's arguments: [] when it succeeded, [error] when refused); then
// the scenario waits until "untilMs" (a moment after the first token's expiry, whenever the connection was made)
// and emits "whoami". Prints:
//   {"renewals": [<ack args of each renewal>], "whoami": [<ack args>], "disconnectReason": "io client disconnect"}
// with "whoami": null and the reason when the server disconnected the socket meanwhile, or, when the connection is
// refused: {"connectError": {"message": "..."}}

const { io } = require("socket.io-client");
const { run, next } = require("./scenario");

run(async (url, options) => {
  const socket = io(url + "/", { auth: { token: options.token }, transports: ["websocket"], reconnection: false });
  const outcome = await Promise.race([next(socket, "connect", 5000).then(() => null),
    next(socket, "connect_error", 5000).then(([error]) => error)]);
  if (outcome) {
    socket.close();
    return { connectError: { message: outcome.message } };
  }
  let disconnectReason = null;
  socket.on("disconnect", (reason) => { disconnectReason = reason; });

  const renewals = [];
  for (const token of options.renewals ?? []) {
    renewals.push(await ack(socket, "#authenticate", { token }));
  }
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, (options.untilMs ?? 0) - Date.now())));
  if (disconnectReason) {
    return { renewals, whoami: null, disconnectReason };
  }
  const whoami = await ack(socket, "whoami");
  socket.disconnect();
  return { renewals, whoami, disconnectReason: disconnectReason ?? "io client disconnect" };
});

// The arguments of the ack, all of them (an empty ack is []); rejects when none comes within 5 s.
function ack(socket, event, ...args) {
  return new Promise((resolve, reject) => {
    socket.timeout(5000).emit(event, ...args, (error, ...answer) => {
      return error ? reject(new Error(`no ack for "${event}" within 5000 ms`)) : resolve(answer);
    });
  });
}
