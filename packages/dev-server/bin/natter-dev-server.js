#!/usr/bin/env node
// The `natter-dev-server` command. It runs the built CLI; this file exists in the repository too,
// so installing the workspace links the command without a build first (a fresh clone has no dist).
import '../dist/cli.js';
