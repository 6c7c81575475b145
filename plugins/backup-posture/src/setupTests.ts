import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// The lineage graph (dagre layout) makes some renders take seconds on a busy 2-core machine:
// wait longer before calling an element missing, and give each test room, rather than fail on
// the machine's load. A test that never finds what it waits for still fails.
configure({ asyncUtilTimeout: 5000 });
jest.setTimeout(20_000);
