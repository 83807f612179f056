import { defineConfig } from 'tsdown';
import { packageConfig } from '../../scripts/tsdown.base';

export default defineConfig(packageConfig({ entry: { index: 'src/index.ts' } }));
