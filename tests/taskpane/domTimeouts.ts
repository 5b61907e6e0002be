/**
 * Testing Library waits 1 s by default for something to appear; a loaded CI machine rendering
 * Fluent UI in jsdom can take longer. Waiting longer does not slow passing tests down.
 */
import { configure } from '@testing-library/react';

configure({ asyncUtilTimeout: 10_000 });
