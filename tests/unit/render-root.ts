// An element to render a component into (happy-dom), new for each test and unmounted after it.
import { render } from 'preact';
import { afterEach, beforeEach } from 'vitest';

/** Registers the element's set-up and clean-up; call at a test file's top level, then `root()` in the tests. */
export function renderRoot(): () => HTMLElement {
  let root: HTMLElement;
  beforeEach(() => {
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
  });
  return () => root;
}
