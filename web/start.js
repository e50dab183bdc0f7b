// Starts Anchorpoint: loads the wasm and runs it. A file, not an inline script, so the
// page's Content-Security-Policy can refuse every inline script. scripts/build.mjs
// writes it into dist/ with the hashed names of the JavaScript glue and the wasm.
//
// If either cannot be loaded (the connection dropped, a file is missing or damaged, an
// update half-arrived), the worker gets a page that says so, that their words are safe,
// and a "Try again" button, never a blank screen. Nothing is written to storage here.

try {
  const { default: init } = await import('__GLUE__');
  await init({ module_or_path: '__WASM__' });
} catch (error) {
  console.error('Anchorpoint could not start:', error);
  const main = document.createElement('main');
  main.className = 'nhsuk-main-wrapper';
  main.id = 'maincontent';
  main.setAttribute('role', 'main');
  main.innerHTML = `
    <div class="nhsuk-grid-row"><div class="nhsuk-grid-column-two-thirds">
      <h1>Anchorpoint could not start</h1>
      <p>Part of the app could not be loaded. This can happen when the connection drops
        while it loads, or while a new version is arriving.</p>
      <p>Your reflections and any unsaved draft are safe: they are kept in this browser,
        and nothing has been changed or deleted.</p>
      <p>Try again. If this keeps happening, close every Anchorpoint tab and open it again.</p>
      <button class="nhsuk-button" type="button" id="try-again">Try again</button>
    </div></div>`;
  const container = document.createElement('div');
  container.className = 'nhsuk-width-container';
  container.append(main);
  document.title = 'Anchorpoint could not start – Anchorpoint';
  document.body.append(container);
  document.getElementById('try-again').addEventListener('click', () => location.reload());
  document.getElementById('try-again').focus();
}
