/**
 * In Node the module is instantiated when it is imported: `init()` resolves at once and does
 * nothing more. It exists so that code written for the browser runs unchanged.
 * @example
 * import init, { @EXAMPLE_FN@ } from "@ENTRY@";
 * await init(); // optional in Node
 */
export default function init(input?: unknown): Promise<void>;

/** A no-op in Node (the module is instantiated on import); exists for code shared with the web. */
export function initSync(module?: unknown): void;
