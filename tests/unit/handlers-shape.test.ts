import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';

// CONTRIBUTING.md, "The shape of a feature in core": a handler maps its channel to ONE call of
// a service method. File-system work, authorisation beyond the access list and argument
// shuffling belong in the service, where the rule has one home and a test can reach it.
const root = resolve(__dirname, '..', '..');
const coreDir = join(root, 'src', 'core');

function handlerFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return handlerFiles(path);
    return /(^|-)handlers\.ts$/.test(name) && path !== join(coreDir, 'handlers.ts') ? [path] : [];
  });
}

/** `x`, `x.y`, `x.y.z`: a value passed through, not computed. */
function isPlainReference(node: ts.Expression): boolean {
  if (ts.isIdentifier(node)) return true;
  if (ts.isPropertyAccessExpression(node)) return isPlainReference(node.expression);
  return false;
}

/** Why a handler is not a one-liner, or null when it is. */
export function handlerProblem(init: ts.Expression): string | null {
  if (!ts.isArrowFunction(init)) return 'is not an arrow function';
  const body = init.body;
  if (!ts.isCallExpression(body)) return 'body is not a single call';
  if (!ts.isPropertyAccessExpression(body.expression) || !ts.isIdentifier(body.expression.expression)) {
    return 'does not call a method of a service (service.method(...))';
  }
  for (const arg of body.arguments) {
    // The one helper allowed: who(call), the volunteer behind the PIN, defined in core/handlers.ts.
    const isWho = ts.isCallExpression(arg) && ts.isIdentifier(arg.expression) && arg.expression.text === 'who';
    if (!isPlainReference(arg) && !isWho) return `passes a computed argument (${arg.getText()})`;
  }
  return null;
}

function channelProperties(file: string): { name: string; init: ts.Expression }[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: { name: string; init: ts.Expression }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAssignment(node) && ts.isStringLiteral(node.name) && /^[a-z_]+\.[a-z_]+$/.test(node.name.text)) {
      found.push({ name: node.name.text, init: node.initializer });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('core handlers', () => {
  const files = handlerFiles(coreDir);

  it('finds the handler files', () => {
    expect(files.length).toBeGreaterThanOrEqual(7);
  });

  it('map each channel to one call of a service method', () => {
    const problems = files.flatMap((file) =>
      channelProperties(file).flatMap(({ name, init }) => {
        const problem = handlerProblem(init);
        return problem ? [`${relative(root, file)} ${name}: ${problem}`] : [];
      }),
    );
    expect(problems).toEqual([]);
  });

  it('the check refuses logic, blocks and computed arguments', () => {
    const parse = (text: string) => {
      const src = ts.createSourceFile('x.ts', `const h = ${text};`, ts.ScriptTarget.Latest, true);
      const decl = (src.statements[0] as ts.VariableStatement).declarationList.declarations[0]!;
      return decl.initializer!;
    };
    expect(handlerProblem(parse('({ code }) => slips.lookup(code)'))).toBeNull();
    expect(handlerProblem(parse('(input, call) => inventory.receive(input, who(call))'))).toBeNull();
    expect(handlerProblem(parse('() => { return slips.keys(); }'))).toMatch(/single call/);
    expect(handlerProblem(parse('() => ({ volunteers: volunteers.list() })'))).toMatch(/single call/);
    expect(handlerProblem(parse('(i, c) => board.propose(i.a, c.session?.volunteerName ?? null)'))).toMatch(/computed/);
    expect(handlerProblem(parse('() => listFiles(folder)'))).toMatch(/method of a service/);
  });
});
