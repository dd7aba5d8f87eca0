"use strict";

// Connection state recovery as the official client does it: connects over WebSocket, joins "room-a", then (mode
// "received") receives an event, or (mode "volatile-string") a volatile event whose last argument is a string, or
// (mode "none") nothing; asks the server to emit while it is away, drops its connection and reconnects by itself.
// Prints both socket ids, socket.recovered, every event received (with its arguments) and the server's "whoami".

const { io } = require("socket.io-client");
const { run, next } = require("./scenario");

run(async (url, options) => {
  const socket = io(url, { transports: ["websocket"], reconnectionDelay: 500, randomizationFactor: 0 });
  await next(socket, "connect", 5000);
  const firstId = socket.id;
  const events = [];
  socket.onAny((event, ...args) => events.push([event, ...args]));
  await socket.emitWithAck("join", "room-a");
  if (options.mode === "received") {
    socket.emit("send-me", "first");
    await next(socket, "first", 5000);
  } else if (options.mode === "volatile-string") {
    socket.emit("send-me-volatile");
    await next(socket, "volatile", 5000);
  }
  await socket.emitWithAck("away");
  // the client reports the disconnection while the engine closes: listen first
  const disconnected = next(socket, "disconnect", 5000);
  const reconnected = next(socket, "connect", 10000);
  socket.io.engine.close();
  await disconnected;
  await reconnected;
  const whoami = await socket.emitWithAck("whoami");
  const result = { firstId, id: socket.id, recovered: socket.recovered, events, whoami };
  socket.disconnect();
  return result;
});
