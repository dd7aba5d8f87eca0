"use strict";

// A rolling restart as clients live it: <clients> clients connect over WebSocket through the test's proxy, join
// "room-a", say they are ready, then record every "tick" until "end", reconnecting by themselves whenever their node
// stops. Prints, for each client, its socket id and socket.recovered at each connection, and the ticks received.
// Options: clients (3), timeoutMs.

const { io } = require("socket.io-client");
const { run, next } = require("../../../../realtime-core/src/test/js/scenario");

run(async (url, options) => {
  const count = options.clients ?? 3;
  const clients = await Promise.all(
    Array.from({ length: count }, async () => {
      const socket = io(url, {
        transports: ["websocket"],
        reconnectionDelay: 500,
        reconnectionDelayMax: 1000,
        randomizationFactor: 0,
      });
      const record = { ids: [], recovered: [], ticks: [] };
      socket.on("connect", () => {
        record.ids.push(socket.id);
        record.recovered.push(socket.recovered);
      });
      socket.on("tick", (n) => record.ticks.push(n));
      const ended = next(socket, "end", options.timeoutMs);
      await next(socket, "connect", 5000);
      await socket.emitWithAck("join", "room-a");
      await socket.emitWithAck("ready");
      await ended;
      socket.disconnect();
      return record;
    }),
  );
  return { clients };
});
