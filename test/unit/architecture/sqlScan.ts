import ts from 'typescript';

/** One place in a source file that speaks SQL to the database. */
export interface SqlFinding {
  line: number;
  what: string;
}

/** Names a database connection goes by; `.exec` on anything else is a RegExp's. */
const CONNECTION = /(^|\.)(db|sqlite|database|connection|\w*Db|\w*Sqlite|\w*Database)$/;

/**
 * SQL in a literal. Its first keyword must be all lower or all upper case, as SQL is written
 * here, so English ("Select a file from your disk") does not count.
 */
const STATEMENT_SHAPES: readonly RegExp[] = [
  /\bselect\s[\s\S]*?\bfrom\s+[\w."(]/i,
  /\binsert\s+(or\s+\w+\s+)?into\s/i,
  /\bupdate\s+[\w."]+\s+(as\s+\w+\s+)?set\s/i,
  /\bdelete\s+from\s/i,
  /\b(create|drop|alter)\s+(temp\s+|temporary\s+)?(table|index|trigger|view)\b/i,
  /^\s*pragma\s+\w/i,
  /^\s*(vacuum|attach\s+database|detach\s+database)\b/i,
];

function looksLikeSql(text: string): boolean {
  return STATEMENT_SHAPES.some((shape) => {
    const keyword = shape.exec(text)?.[0].split(/\s/)[0];
    return keyword !== undefined && /^([a-z]+|[A-Z]+)$/.test(keyword);
  });
}

/** The literal's text, a template's `${…}` parts read as a plain name. */
function literalText(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node))
    return node.head.text + node.templateSpans.map((span) => `x${span.literal.text}`).join('');
  return null;
}

/** drizzle's query builder: its entry points on a connection or a transaction (`tx`). */
const QUERY_BUILDER = new Set(['select', 'selectDistinct', 'insert', 'update', 'delete']);
const RELATIONAL_QUERY = new Set(['findFirst', 'findMany']);
const CONNECTION_OR_TX = (receiver: string) =>
  CONNECTION.test(receiver) || /(^|\.)tx$/.test(receiver);

/**
 * `db.select(`, `deps.db.insert(`, `tx.delete(`, `db.query.mailings.findFirst(`: drizzle
 * building a statement. The receiver must be named as a connection, so `images.insert(…)` (a
 * store's own method) and `set.delete(…)` do not count.
 */
function queryBuilderCall(node: ts.CallExpression): string | null {
  const callee = node.expression;
  if (!ts.isPropertyAccessExpression(callee)) return null;
  const method = callee.name.text;
  const receiver = callee.expression.getText();
  if (QUERY_BUILDER.has(method) && CONNECTION_OR_TX(receiver)) return `.${method}(`;
  const relational = /^(.*)\.query\.\w+$/.exec(receiver);
  if (RELATIONAL_QUERY.has(method) && relational && CONNECTION_OR_TX(relational[1]!))
    return `.query.….${method}(`;
  return null;
}

/**
 * A value import from drizzle-orm (`eq`, `and`, `sql`…): those only build queries. A type-only
 * import (`import type { SQL }`) says nothing about where queries are built, so it is left alone.
 */
function drizzleImport(node: ts.Node): string | null {
  if (!ts.isImportDeclaration(node) || !ts.isStringLiteral(node.moduleSpecifier)) return null;
  const from = node.moduleSpecifier.text;
  if (from !== 'drizzle-orm' && !from.startsWith('drizzle-orm/')) return null;
  return node.importClause?.isTypeOnly ? null : `import from '${from}'`;
}

/** The call's SQL method (`prepare`, `exec`, `pragma`) when it is called on a connection. */
function sqlCall(node: ts.CallExpression): string | null {
  const callee = node.expression;
  if (!ts.isPropertyAccessExpression(callee)) return null;
  const method = callee.name.text;
  const receiver = callee.expression;
  if (method === 'pragma') return '.pragma(';
  // `this.prepare(…)` is a class's own method; `this.db.prepare(…)` is SQL.
  if (method === 'prepare' && receiver.kind !== ts.SyntaxKind.ThisKeyword) return '.prepare(';
  if (method === 'exec' && CONNECTION.test(receiver.getText())) return '.exec(';
  return null;
}

/**
 * Every `.prepare(`, `.exec(` on a connection, `.pragma(`, SQL literal, drizzle query-builder call
 * on a connection and value import from drizzle-orm in one source file.
 */
export function findSql(fileName: string, source: string): SqlFinding[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const findings: SqlFinding[] = [];
  const at = (node: ts.Node) => file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1;
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const call = sqlCall(node) ?? queryBuilderCall(node);
      if (call) findings.push({ line: at(node), what: call });
    }
    const imported = drizzleImport(node);
    if (imported) findings.push({ line: at(node), what: imported });
    const text = literalText(node);
    if (text !== null && looksLikeSql(text)) {
      findings.push({ line: at(node), what: `SQL "${text.replace(/\s+/g, ' ').slice(0, 60)}"` });
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return findings;
}
