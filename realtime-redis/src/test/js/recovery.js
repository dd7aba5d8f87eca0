"use strict";

// Connection state recovery across the nodes of a cluster, as the official client does it: connects over WebSocket
// (through the test's proxy), joins "room-a", remembers a nickname, asks for an event ("first") and receives it,
// then says it goes away and waits. The test cuts its connection, emits while it is away, and sends its next
// connection to another node; the client reconnects by itself. Prints both socket ids, socket.recovered, every
// event received (with its arguments) and the server's "whoami". Options: mode "none" receives no event before it
// goes away; timeoutMs.

const { io } = require("socket.io-client");
const { run, next } = require("../../../../realtime-core/src/test/js/scenario");

run(async (url, options) => {
  const socket = io(url, {
    transports: ["websocket"],
    reconnectionDelay: 200,
    reconnectionDelayMax: 500,
    randomizationFactor: 0,
  });
  await next(socket, "connect", 5000);
  const firstId = socket.id;
  const events = [];
  socket.onAny((event, ...args) => events.push([event, ...args]));
  await socket.emitWithAck("join", "room-a");
  await socket.emitWithAck("remember", "ana");
  if (options.mode !== "none") {
    const first = next(socket, "first", 5000);
    socket.emit("send-me", "first");
    await first;
  }
  // listen first: the test may cut the connection as soon as it hears of it
  const disconnected = next(socket, "disconnect", 20000);
  const reconnected = next(socket, "connect", 40000);
  await socket.emitWithAck("away");
  await disconnected;
  await reconnected;
  const whoami = await socket.emitWithAck("whoami");
  const result = { firstId, id: socket.id, recovered: socket.recovered, events, whoami };
  socket.disconnect();
  return result;
});
