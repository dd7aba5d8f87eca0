"use strict";

// The chat page: one socket on the /chat namespace, served by this application's own port.
const $ = (id) => document.getElementById(id);
const rooms = new Map(); // room name -> { messages: [elements], users: [nicknames] }
const typists = new Map(); // nickname -> timer that clears their notice
let socket;
let current = null;
let typingTimer = null;

let me = null; // { token, username, admin, expiresAt } from /api/token
let admin = null; // the socket on /admin, for users with the ADMIN role

// the login lasts as long as its token in this tab: a reload connects again with it and joins the same rooms
const SESSION = "realtime-chat";

$("login").addEventListener("submit", async (event) => {
  event.preventDefault();
  // log in over HTTP (Basic) for a chat token; the token then travels in the CONNECT packet's auth payload.
  // A failure is answered with JSON and without a Basic challenge, so the browser opens no login dialog of its own.
  const credentials = btoa($("username").value.trim() + ":" + $("password").value);
  const response = await fetch("/api/token", { method: "POST", headers: { Authorization: "Basic " + credentials } });
  if (!response.ok) {
    const refusal = await response.json().catch(() => ({}));
    return showError("login-error", refusal.message || "Login failed");
  }
  me = await response.json();
  $("password").value = "";
  saveSession();
  connect(me.username, me.token);
});

$("logout").addEventListener("click", () => endSession(null));

function saveSession() {
  sessionStorage.setItem(SESSION, JSON.stringify({ ...me, rooms: [...rooms.keys()], current }));
}

function restoreSession() {
  const saved = JSON.parse(sessionStorage.getItem(SESSION));
  if (!saved || new Date(saved.expiresAt) <= new Date()) {
    return sessionStorage.removeItem(SESSION);
  }
  const { rooms: joined, current: shown, ...login } = saved;
  me = login;
  joined.forEach((room) => rooms.set(room, { messages: [], users: [] }));
  current = shown;
  $("login").hidden = true;
  status("reconnecting as " + me.username + "…");
  connect(me.username, me.token);
}

// logging out, or the server no longer takes the token (expired, or unknown after a restart): back to the login form
function endSession(message) {
  sessionStorage.removeItem(SESSION);
  socket.disconnect();
  if (admin) {
    admin.disconnect();
    admin = null;
  }
  me = null;
  rooms.clear();
  current = null;
  $("login").hidden = false;
  $("chat").hidden = true;
  $("logout").hidden = true;
  $("admin").hidden = true;
  if (message) {
    showError("login-error", message);
  }
  else {
    $("login-error").hidden = true;
    status("offline");
  }
}

function connect(nickname, token) {
  if (socket) {
    socket.disconnect(); // an earlier attempt that the server refused
  }
  socket = io("/chat", { auth: { nickname, token } });

  socket.on("connect", () => {
    status("online");
    $("login").hidden = true;
    $("login-error").hidden = true;
    $("chat").hidden = false;
    $("logout").hidden = false;
    // after a reconnection or a reload the server has forgotten our rooms and subscriptions: make them again
    const joined = [...rooms.keys()];
    if (joined.length) {
      joined.forEach((room) => join(room, room === current));
    }
    else {
      join($("room").value, true);
    }
    subscribeNews();
    // the private channel user.<name>: only this user may subscribe to it
    socket.emit("#subscribe", "user." + me.username, (error) => error && showError("post-error", describe(error)));
    if (me.admin) {
      connectAdmin(token);
    }
  });
  socket.on("disconnect", (reason) => status("offline (" + reason + ")"));
  socket.on("connect_error", (error) => {
    status("cannot connect: " + error.message);
    // a refusal by the server's middleware is final: the client does not try again on its own
    if (!socket.active) {
      endSession(error.message + (error.data?.hint ? ". " + error.data.hint : ""));
    }
  });
  socket.on("welcome", ({ nickname }) => status("online as " + nickname));
  socket.on("users", ({ room, users }) => updateUsers(room, users));
  socket.on("message", (message) => addMessage(message.room, messageElement(message)));
  socket.on("typing", showTyping);
  // channel deliveries: { channel, data }
  socket.on("#publish", ({ channel, data }) => {
    if (channel === "news") {
      showNews(data);
    }
    else if (channel === "user." + me.username) {
      showWhisper(data);
    }
  });
  socket.on("announcement", ({ from, text }) => showAnnouncement(from + " announces: " + text));
  // the refusal of an event sent without an acknowledgement, such as a typing notice; or the end of the token's
  // lifetime, after which the server disconnects this socket
  socket.on("error", (error) => {
    if (error.name === "AuthTokenExpiredError") {
      return endSession("Your session expired: log in again");
    }
    showError("post-error", describe(error));
  });
}

function subscribeNews() {
  socket.emit("#subscribe", "news", (error) => error && ($("news").textContent = "No news: " + error.message));
  if ($("mute-news").checked) {
    muteNews();
  }
}

function showNews({ headline, timestamp }) {
  $("news").textContent = time(timestamp) + " · " + headline;
}

$("mute-news").addEventListener("change", muteNews);

function muteNews() {
  const muted = $("mute-news").checked;
  socket.emit("mute-news", { muted }, (answer) => {
    if (answer.message) {
      $("mute-news").checked = !muted;
      return showError("post-error", describe(answer));
    }
    $("news").classList.toggle("muted", muted);
  });
}

function join(room, show) {
  socket.emit("join", { room }, (answer) => {
    if (answer.message) {
      rooms.delete(room);
      renderRooms();
      return showError("post-error", describe(answer));
    }
    if (!rooms.has(room)) {
      rooms.set(room, { messages: [], users: [] });
    }
    updateUsers(room, answer.users);
    if (show) {
      select(room);
    }
    else {
      renderRooms();
    }
    saveSession();
  });
}

$("join").addEventListener("submit", (event) => {
  event.preventDefault();
  join($("room").value.trim(), true);
});

$("rename").addEventListener("submit", (event) => {
  event.preventDefault();
  socket.emit("nickname", { nickname: $("new-nickname").value }, (answer) => {
    if (answer.message) {
      return showError("post-error", describe(answer));
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
  showNewest();
  // the server acknowledges each message with its id and timestamp, or with the error that refused it, which
  // stays beside that message
  socket.timeout(5000).emit("message", { room: current, text }, (error, receipt) => {
    element.classList.remove("pending");
    if (error || receipt.message) {
      return refuse(element, error ? "no answer from the server" : describe(receipt));
    }
    element.querySelector(".time").textContent = time(receipt.timestamp);
  });
});

function refuse(element, reason) {
  const why = document.createElement("span");
  why.className = "reason";
  why.textContent = "not sent: " + reason;
  element.classList.add("refused");
  element.append(why);
}

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
  showNewest();
  $("text").disabled = $("send").disabled = false;
  clearTypists();
  renderRooms();
  renderUsers();
  saveSession();
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
    saveSession();
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
    // follow the newest message, unless the user scrolled up to read older ones
    const list = $("messages");
    const following = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
    list.append(element);
    if (following) {
      showNewest();
    }
  }
}

function showNewest() {
  $("messages").scrollTop = $("messages").scrollHeight;
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
  const body = document.createElement("span");
  body.className = "text";
  body.textContent = text;
  const when = document.createElement("span");
  when.className = "time";
  when.textContent = timestamp ? time(timestamp) : "";
  item.append(author, body, when);
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

// a refusal is { message, data?, code? }; the rate limiter's says in data when to try again
function describe(error) {
  if (error.code === "RATE_LIMITED") {
    return "slow down, retry in " + Math.ceil(error.data.retryAfterMs / 1000) + " s";
  }
  return error.message;
}

function showError(id, text) {
  $(id).textContent = text;
  $(id).hidden = false;
}

function status(text) {
  $("status").textContent = text;
}

$("whisper").addEventListener("submit", (event) => {
  event.preventDefault();
  const to = $("whisper-to").value.trim();
  const text = $("whisper-text").value.trim();
  socket.emit("whisper", { to, text }, (answer) => {
    if (answer.message) {
      return showError("post-error", describe(answer));
    }
    $("whisper-text").value = "";
    showAnnouncement(answer.online ? "whispered to " + to : to + " is not online; nobody heard it");
  });
});

function showWhisper({ from, text }) {
  showAnnouncement(from + " whispers: " + text);
}

function showAnnouncement(text) {
  $("announcement").textContent = text;
  $("announcement").hidden = false;
}

// the admin namespace refuses users without the ADMIN role: only admins see its form
function connectAdmin(token) {
  if (admin) {
    return;
  }
  admin = io("/admin", { auth: { token } });
  admin.on("connect", () => ($("admin").hidden = false));
  admin.on("connect_error", (error) => showError("post-error", "admin: " + error.message));
}

$("admin").addEventListener("submit", (event) => {
  event.preventDefault();
  admin.emit("announce", $("announce-text").value.trim(), (answer) => {
    if (answer && answer.message) {
      return showError("post-error", describe(answer));
    }
    $("announce-text").value = "";
  });
});

restoreSession();
