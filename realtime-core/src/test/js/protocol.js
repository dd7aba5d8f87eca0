"use strict";

// Two clients on one transport exercise what the server offers every Socket.IO client: connect with auth, socket id
// distinct from the connection id, rooms and broadcasts, acks both ways, binary both ways, an unknown namespace and
// the disconnect reasons. Options: {"transports": ["websocket"]}. Prints what the clients observed.

const { io } = require("socket.io-client");
const { run, next } = require("./scenario");

const WAIT = 5000;

function connect(url, nsp, options, auth) {
  return io(url + nsp, { transports: options.transports, reconnection: false, forceNew: true, auth, timeout: WAIT });
}

run(async (url, options) => {
  const result = {};
  const ann = connect(url, "/", options, { nickname: "ann" });
  const bob = connect(url, "/", options, { nickname: "bob" });
  await Promise.all([next(ann, "connect", WAIT), next(bob, "connect", WAIT)]);
  result.distinctIds = ann.id !== ann.io.engine.id && ann.id.length === 20;

  result.joined = await ann.timeout(WAIT).emitWithAck("join", "lobby");
  await bob.timeout(WAIT).emitWithAck("join", "lobby");
  const bobReceives = next(bob, "message", WAIT);
  let annEcho = null;
  ann.on("message", (message) => { annEcho = message; });
  result.messageAck = await ann.timeout(WAIT).emitWithAck("message", { room: "lobby", text: "hello" });
  [result.bobReceived] = await bobReceives;

  result.sum = await ann.timeout(WAIT).emitWithAck("sum", 20, 22);
  const reversed = await ann.timeout(WAIT).emitWithAck("upload", "file.bin", Buffer.from([1, 2, 3]));
  result.binary = [...reversed];

  // the server asks the client for an acknowledgement
  bob.on("question", (text, callback) => callback("bob says " + text));
  result.serverAsked = await bob.timeout(WAIT).emitWithAck("ask-me", "yes");

  const nowhere = connect(url, "/nowhere", options, {});
  [result.unknownNamespace] = (await next(nowhere, "connect_error", WAIT)).map((error) => error.message);
  nowhere.close();

  await new Promise((resolve) => setTimeout(resolve, 300));
  result.annEcho = annEcho;

  const kicked = next(bob, "disconnect", WAIT);
  bob.emit("kick");
  [result.kickedReason] = await kicked;
  const left = next(ann, "disconnect", WAIT);
  ann.disconnect();
  [result.leftReason] = await left;
  return result;
});
