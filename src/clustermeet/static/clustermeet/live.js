// Entry point of the live pages: the element with data-live="participant" (the session page's
// live panel), "moderator" (the moderator console) or "presenter" (the stage screen) starts
// its module. The modules live in ./live/ and speak docs/protocol.md over the event websocket.
const root = document.querySelector("[data-live]");
const pages = {
  participant: () => import("./live/participant.js"),
  moderator: () => import("./live/moderator.js"),
  presenter: () => import("./live/presenter.js"),
};
if (root && pages[root.dataset.live]) {
  pages[root.dataset.live]().then((page) => page.start(root));
}
