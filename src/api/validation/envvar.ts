// apimachinery's IsEnvVarName: what kubectl checks in `set env` arguments and env files.

const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

/** What is wrong with an environment variable's name (nothing: an empty list). */
export function envVarNameProblems(name: string): string[] {
  const problems: string[] = [];
  if (!ENV_NAME.test(name))
    problems.push("a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')");
  if (name === '.' || name === '..') problems.push(`must not be '${name}'`);
  else if (name.startsWith('..')) problems.push("must not start with '..'");
  return problems;
}
