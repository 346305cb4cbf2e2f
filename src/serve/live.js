// Added by `docket serve` to the pages it sends (never part of the built site): reloads
// the page when the portal is rebuilt or its problems change.
(() => {
  const script = document.currentScript;
  const shown = new URL(script.src).searchParams.get('generation');
  const events = new EventSource('/__docket/events');
  const reloadIfNewer = (e) => {
    if (e.data !== shown) location.reload();
  };
  events.addEventListener('hello', reloadIfNewer);
  events.addEventListener('reload', reloadIfNewer);
})();
