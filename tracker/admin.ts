import { runAdmin } from './adminCommands';
import { systemClock } from './clock';
import { trackerEnv } from './env';
import { openStore } from './store/openStore';

/** `npm run tracker:admin -- <command>`: the reseller's commands, on the store the tracker uses. */
async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const store = await openStore(trackerEnv());
const code = await runAdmin(process.argv.slice(2), {
  store,
  clock: systemClock,
  out: (line) => console.log(line),
  readSecret: readStdin,
});
await store.close();
process.exit(code);
