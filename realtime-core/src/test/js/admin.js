"use strict";

// Drives the server side of the Socket.IO Admin UI as the UI does (@socket.io/admin-ui 0.5), beside an ordinary
// client of another namespace.
//
//   node admin.js <server url> '{"admin": "/admin", "auth": {"username": "admin", "password": "secret"},
//                                "wrongAuth": {"username": "admin", "password": "wrong"},
//                                "namespace": "/watched", "readOnly": false}'
//
// Prints {"refusal": <message of the refused login>, "session": <session id>, "config": {...}, "stats": {...},
// "allSockets": [...], "connected": <socket_connected's socket>, "updated": <socket_updated's update>,
// "joined": [...], "left": [...], "received": [...], "sent": [...],
// "announced": [...], "disconnected": [...], "clientDisconnect": <reason>, "resumed": <bool>} with what arrived;
// in read-only mode "clientStillConnected" says whether the commands left the client alone.

const { io } = require("socket.io-client");
const { run, next } = require("./scenario");

const WAIT_MS = 5000;

function connect(url, namespace, auth, transports = ["websocket"]) {
  return io(url + namespace, { auth, forceNew: true, reconnection: false, transports });
}

// Resolves with the arguments of the first `event` whose arguments satisfy `test`.
function nextMatching(emitter, event, test) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no matching "${event}" within ${WAIT_MS} ms`)), WAIT_MS);
    const listener = (...args) => {
      if (test(...args)) {
        clearTimeout(timer);
        emitter.off(event, listener);
        resolve(args);
      }
    };
    emitter.on(event, listener);
  });
}

run(async (url, options) => {
  const result = {};
  const refused = connect(url, options.admin, options.wrongAuth);
  const [error] = await next(refused, "connect_error", WAIT_MS);
  result.refusal = error.message;
  refused.close();

  const admin = connect(url, options.admin, options.auth);
  const session = next(admin, "session", WAIT_MS).catch(() => [null]);
  const config = next(admin, "config", WAIT_MS);
  const allSockets = next(admin, "all_sockets", WAIT_MS).catch(() => [null]);
  const stats = next(admin, "server_stats", WAIT_MS);
  await next(admin, "connect", WAIT_MS);
  [result.session] = await session;
  [result.config] = await config;
  [result.allSockets] = await allSockets;
  [result.stats] = await stats;

  // the client starts on long-polling and upgrades, as browsers do
  const client = connect(url, options.namespace, {}, ["polling", "websocket"]);
  const connected = nextMatching(admin, "socket_connected", (socket) => socket.nsp === options.namespace);
  const updated = nextMatching(admin, "socket_updated", (update) => update.nsp === options.namespace);
  await next(client, "connect", WAIT_MS);
  [result.connected] = await connected;
  const id = client.id;
  [result.updated] = await updated;

  const received = nextMatching(admin, "event_received", (nsp, socketId) => socketId === id);
  const sent = nextMatching(admin, "event_sent", (nsp, socketId) => socketId === id);
  client.emit("hello", "from the client");
  result.received = await received;
  result.sent = await sent;

  if (options.readOnly) {
    admin.emit("join", options.namespace, "blue", id);
    admin.emit("emit", options.namespace, id, "announce", "from the admin");
    admin.emit("_disconnect", options.namespace, false, id);
    const announced = next(client, "announce", 1000).then(() => true, () => false);
    result.announcedInReadOnly = await announced;
    result.clientStillConnected = client.connected;
    client.close();
    admin.close();
    return result;
  }

  const joined = nextMatching(admin, "room_joined", (nsp, room, socketId) => socketId === id && room === "blue");
  admin.emit("join", options.namespace, "blue", id);
  result.joined = await joined;

  const announced = next(client, "announce", WAIT_MS);
  admin.emit("emit", options.namespace, "blue", "announce", "from the admin");
  result.announced = await announced;

  const left = nextMatching(admin, "room_left", (nsp, room, socketId) => socketId === id && room === "blue");
  admin.emit("leave", options.namespace, "blue", id);
  result.left = await left;

  const disconnected = nextMatching(admin, "socket_disconnected", (nsp, socketId) => socketId === id);
  const clientDisconnect = next(client, "disconnect", WAIT_MS);
  admin.emit("_disconnect", options.namespace, false, id);
  result.disconnected = await disconnected;
  [result.clientDisconnect] = await clientDisconnect;
  admin.close();

  const resumed = connect(url, options.admin, { sessionId: result.session });
  const outcome = await Promise.race([next(resumed, "connect", WAIT_MS).then(() => true),
    next(resumed, "connect_error", WAIT_MS).then(() => false)]);
  result.resumed = outcome;
  resumed.close();
  return result;
});
