import { defineConfig } from 'tsdown';
import { packageConfig, workerConfig } from '../../scripts/tsdown.base';

export default defineConfig([
  packageConfig({
    entry: {
      index: 'src/index.ts',
      'server/index': 'src/server/index.ts',
      'testing/index': 'src/testing/index.ts',
    },
  }),
  // Spawned through `new URL('./chatDumpWorker.js', import.meta.url)`: a file of its own.
  workerConfig({ 'csv/chatDumpWorker': 'src/csv/chatDumpWorker.ts' }),
]);
