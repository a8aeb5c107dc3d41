// Keeps the browser's install offer (beforeinstallprompt) for the app's own install button.
// It runs before the WebAssembly has started: the event fires once, early, and is lost if
// nobody listens. The app reads window.kekizInstallPrompt (src/platform/install.rs).
window.addEventListener('beforeinstallprompt', (event) => {
  event.preventDefault();
  window.kekizInstallPrompt = event;
  window.dispatchEvent(new Event('kekiz-installable'));
});
window.addEventListener('appinstalled', () => {
  window.kekizInstallPrompt = null;
  window.dispatchEvent(new Event('kekiz-installed'));
});
