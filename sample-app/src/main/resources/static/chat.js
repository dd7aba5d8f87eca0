"use strict";

// The chat page: one socket on the /chat namespace, served by this application's own port.
const $ = (id) => document.getElementById(id);
const rooms = new Map(); // room name -> { messages: [elements], users: [nicknames] }
const typists = new Map(); // nickname -> timer that clears their notice
let socket;
let current = null;
let typingTimer = null;

$("login").addEventListener("submit", (event) => {
  event.preventDefault();
  connect($("nickname").value.trim());
});

function connect(nickname) {
  // the nickname travels in the CONNECT packet, as handshake.auth() on the server
  socket = io("/chat", { auth: { nickname } });

  socket.on("connect", () => {
    status("online");
    $("login").hidden = true;
    $("chat").hidden = false;
    // after a reconnection the server has forgotten our rooms: join them again
    const joined = [...rooms.keys()];
    (joined.length ? joined : [$("room").value]).forEach(join);
  });
  socket.on("disconnect", (reason) => status("offline (" + reason + ")"));
  socket.on("connect_error", (error) => status("cannot connect: " + error.message));
  socket.on("welcome", ({ nickname }) => status("online as " + nickname));
  socket.on("users", ({ room, users }) => updateUsers(room, users));
  socket.on("message", (message) => addMessage(message.room, messageElement(message)));
  socket.on("typing", showTyping);
}

function join(room) {
  socket.emit("join", { room }, (answer) => {
    if (answer.message) {
      return alert(answer.message);
    }
    if (!rooms.has(room)) {
      rooms.set(room, { messages: [], users: [] });
    }
    updateUsers(room, answer.users);
    select(room);
  });
}

$("join").addEventListener("submit", (event) => {
  event.preventDefault();
  join($("room").value.trim());
});

$("rename").addEventListener("submit", (event) => {
  event.preventDefault();
  socket.emit("nickname", { nickname: $("new-nickname").value }, (answer) => {
    if (answer.message) {
      return alert(answer.message);
    }
    status("online as " + answer.nickname);
    $("new-nickname").value = "";
  });
});

$("post").addEventListener("submit", (event) => {
  event.preventDefault();
  const text = $("text").value.trim();
  if (!text || !current) {
    return;
  }
  $("text").value = "";
  stopTyping();
  const element = messageElement({ from: "me", text });
  element.classList.add("pending");
  addMessage(current, element);
  // the server acknowledges each message with its id and timestamp, or an error
  socket.timeout(5000).emit("message", { room: current, text }, (error, receipt) => {
    element.classList.remove("pending");
    if (error || receipt.message) {
      element.append(" (not sent: " + (error ? "no answer" : receipt.message) + ")");
      return;
    }
    element.querySelector(".time").textContent = time(receipt.timestamp);
  });
});

$("text").addEventListener("input", () => {
  if (!typingTimer) {
    socket.emit("typing", { room: current, typing: true });
  }
  clearTimeout(typingTimer);
  typingTimer = setTimeout(stopTyping, 2000);
});

function stopTyping() {
  if (typingTimer) {
    clearTimeout(typingTimer);
    typingTimer = null;
    socket.emit("typing", { room: current, typing: false });
  }
}

function select(room) {
  stopTyping();
  current = room;
  $("current-room").textContent = "# " + room;
  $("messages").replaceChildren(...rooms.get(room).messages);
  $("text").disabled = $("send").disabled = false;
  clearTypists();
  renderRooms();
  renderUsers();
}

function leave(room) {
  socket.emit("leave", { room }, () => {
    rooms.delete(room);
    if (current === room) {
      current = null;
      $("current-room").textContent = "No room";
      $("messages").replaceChildren();
      $("text").disabled = $("send").disabled = true;
    }
    renderRooms();
    renderUsers();
  });
}

function updateUsers(room, users) {
  const state = rooms.get(room);
  if (!state) {
    return;
  }
  if (state.users.length) {
    const joined = users.filter((user) => !state.users.includes(user));
    const left = state.users.filter((user) => !users.includes(user));
    if (joined.length === 1 && left.length === 1) {
      addMessage(room, notice(left[0] + " is now " + joined[0]));
    }
    else {
      joined.forEach((user) => addMessage(room, notice(user + " joined")));
      left.forEach((user) => addMessage(room, notice(user + " left")));
    }
  }
  state.users = users;
  if (room === current) {
    renderUsers();
  }
}

function addMessage(room, element) {
  const state = rooms.get(room);
  if (!state) {
    return;
  }
  state.messages.push(element);
  if (room === current) {
    $("messages").append(element);
    element.scrollIntoView({ block: "end" });
  }
}

function showTyping({ room, nickname, typing }) {
  if (room !== current) {
    return;
  }
  clearTimeout(typists.get(nickname));
  typists.delete(nickname);
  if (typing) {
    typists.set(nickname, setTimeout(() => showTyping({ room, nickname, typing: false }), 5000));
  }
  const names = [...typists.keys()];
  $("typing").textContent = names.length ? names.join(", ") + (names.length > 1 ? " are" : " is") + " typing…" : "";
}

function clearTypists() {
  typists.forEach(clearTimeout);
  typists.clear();
  $("typing").textContent = "";
}

function renderRooms() {
  $("rooms").replaceChildren(...[...rooms.keys()].map((room) => {
    const item = document.createElement("li");
    item.textContent = "# " + room;
    item.classList.toggle("current", room === current);
    item.addEventListener("click", () => select(room));
    const close = document.createElement("button");
    close.textContent = "×";
    close.title = "Leave " + room;
    close.addEventListener("click", (event) => {
      event.stopPropagation();
      leave(room);
    });
    item.append(close);
    return item;
  }));
}

function renderUsers() {
  const users = current ? rooms.get(current).users : [];
  $("users").replaceChildren(...users.map((user) => {
    const item = document.createElement("li");
    item.textContent = user;
    return item;
  }));
}

function messageElement({ from, text, timestamp }) {
  const item = document.createElement("li");
  const author = document.createElement("span");
  author.className = "from";
  author.textContent = from;
  const when = document.createElement("span");
  when.className = "time";
  when.textContent = timestamp ? time(timestamp) : "";
  item.append(author, text, when);
  return item;
}

function notice(text) {
  const item = document.createElement("li");
  item.className = "notice";
  item.textContent = text;
  return item;
}

function time(timestamp) {
  return new Date(timestamp).toLocaleTimeString();
}

function status(text) {
  $("status").textContent = text;
}
