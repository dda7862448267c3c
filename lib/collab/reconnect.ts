// Connecting a HocuspocusProvider's socket again soon after closing it. A close is not done until
// the socket's close event, and until then `connect()` takes the socket for connected and returns
// at once — and the close handler then finds that nobody wants a connection. So
// `disconnect(); connect();` leaves the provider closed for good (seen in the convergence fuzz
// test, and it is what the editor did after back/forward and on waking). Here the new connection
// starts from the close event when a close is under way.
import type { HocuspocusProviderWebsocket } from "@hocuspocus/provider";

const CLOSING = 2; // WebSocket.CLOSING (browsers and `ws`)

function onceClosed(socket: HocuspocusProviderWebsocket): void {
  const reopen = () => {
    socket.off("disconnect", reopen);
    void socket.connect();
  };
  socket.on("disconnect", reopen);
}

/** Closes `socket` if it is open (or opening) and connects it again once it has closed. */
export function reconnect(socket: HocuspocusProviderWebsocket): void {
  if (!socket.webSocket) {
    void socket.connect();
    return;
  }
  onceClosed(socket);
  socket.disconnect();
}

/** Connects `socket` (after a `disconnect()`), waiting for a close that is still under way. */
export function connectAgain(socket: HocuspocusProviderWebsocket): void {
  if (socket.webSocket?.readyState === CLOSING) onceClosed(socket);
  else void socket.connect();
}
