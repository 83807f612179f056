import { defineConfig } from 'tsdown';
import { packageConfig } from '../../scripts/tsdown.base';

export default defineConfig(
  packageConfig({
    entry: {
      index: 'src/index.ts',
      'server/index': 'src/server/index.ts',
      'testing/index': 'src/testing/index.ts',
      // Spawned through `new URL(...)`, which no bundler follows on its own: an entry of its own.
      'csv/chatDumpWorker': 'src/csv/chatDumpWorker.ts',
    },
  }),
);
