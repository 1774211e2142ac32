// How MJML's worker thread (electron/services/render/mjmlWorker.ts) is bundled: by the build
// (build-node.mjs), from source (core/workerFile.ts) and by the send-start bench, alike.

/**
 * Packages MJML loads at start but never calls with the app's options (render/mjmlProtocol.ts):
 * cheerio's fetching and charset sniffing (undici, encoding-sniffer, iconv-lite), the `beautify`
 * option (js-beautify), `.mjmlconfig` files (cosmiconfig) and juice's fetching of remote
 * resources (web-resource-inliner). Loaded, they held some 10 MB of the worker's heap (26 MB of
 * 36 used after a compile, 15 without them) while it lives: in a send of 100,000 that is on
 * top of the staged recipients. In the bundle each becomes a module that throws when used.
 */
export const UNUSED_IN_MJML_WORKER = [
  'undici',
  'encoding-sniffer',
  'iconv-lite',
  'js-beautify',
  'cosmiconfig',
  'web-resource-inliner',
];

const NAMESPACE = 'unused-in-mjml-worker';

/** esbuild options for the worker: MJML bundled in (not left in node_modules), the unused stubbed. */
export function mjmlWorkerBundling() {
  const names = UNUSED_IN_MJML_WORKER.map((name) => name.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'));
  const filter = new RegExp(`^(${names.join('|')})(/.*)?$`);
  return {
    packages: 'bundle',
    // MJML's CommonJS modules require Node's own in an ES module bundle.
    banner: {
      js: "import { createRequire as createRequireForMjml } from 'node:module'; const require = createRequireForMjml(import.meta.url);",
    },
    plugins: [
      {
        name: NAMESPACE,
        setup(build) {
          build.onResolve({ filter }, (args) => ({ path: args.path, namespace: NAMESPACE }));
          build.onLoad({ filter: /.*/, namespace: NAMESPACE }, (args) => ({
            contents: stubModule(args.path),
            loader: 'js',
          }));
        },
      },
    ],
  };
}

function stubModule(name) {
  const message = JSON.stringify(
    `${name} is left out of the MJML worker (scripts/mjmlWorkerBundle.mjs)`,
  );
  return `const unused = function () { throw new Error(${message}); };
module.exports = new Proxy(unused, { get: (target, key) => (key === '__esModule' ? false : unused) });`;
}
