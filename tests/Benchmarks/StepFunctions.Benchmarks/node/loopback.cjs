// Preload (node -r) for stepfunctions-local, which binds every interface and has no host option: every
// http.Server.listen(port, ...) is made to bind 127.0.0.1 only.
const http = require("http");
const listen = http.Server.prototype.listen;
http.Server.prototype.listen = function (...args) {
  if (typeof args[0] === "number" || typeof args[0] === "string") {
    return listen.call(this, args[0], "127.0.0.1", ...args.slice(1).filter((a) => typeof a === "function"));
  }
  if (args[0] && typeof args[0] === "object") {
    args[0] = { ...args[0], host: "127.0.0.1" };
  }
  return listen.apply(this, args);
};
