// The one error type of the engine. Its message is client-go's text, without any prefix: kubectl
// adds its own ("error parsing jsonpath <template>, ", "error executing jsonpath ...") depending
// on the command, and "error: " when it finally prints it.

/** A parse or evaluation error of k8s.io/client-go/util/jsonpath. */
export class JsonPathError extends Error {
  override readonly name = 'JsonPathError';
}
