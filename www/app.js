// The page: asks the Wasm core for everything it shows.
import init, { Workspace } from './pkg/workforce_ecosystem.js';

await init();
const status = document.getElementById('status');
try {
  const ws = new Workspace(Workspace.sampleJson());
  document.getElementById('diagram').innerHTML = ws.svg({ overlay: 'current' });
  document.body.dataset.ready = 'true';
} catch (e) {
  status.textContent = e.message;
}
