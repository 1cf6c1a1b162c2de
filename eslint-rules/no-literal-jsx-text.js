// Every user-facing string goes through i18n. This rule flags words written straight into JSX:
// text between tags, and the attributes a person reads or hears (label, title, placeholder, alt).
// Symbols, digits and punctuation (×, →, 0-9) are not words and pass.
const READ_ATTRIBUTES = new Set(['aria-label', 'title', 'placeholder', 'alt', 'aria-description', 'label']);
const HAS_LETTER = /\p{L}/u;

/** @type {import('eslint').Rule.RuleModule} */
export default {
  meta: {
    type: 'problem',
    docs: { description: 'User-facing text in JSX must come from i18n (t()).' },
    messages: { literal: 'Hard-coded user-facing text "{{text}}": use t() and a locale key.' },
    schema: [],
  },
  create(context) {
    const report = (node, text) => context.report({ node, messageId: 'literal', data: { text: text.trim().slice(0, 40) } });
    return {
      JSXText(node) {
        if (HAS_LETTER.test(node.value)) report(node, node.value);
      },
      JSXAttribute(node) {
        const name = typeof node.name.name === 'string' ? node.name.name : '';
        if (!READ_ATTRIBUTES.has(name) || !node.value) return;
        if (node.value.type === 'Literal' && typeof node.value.value === 'string' && HAS_LETTER.test(node.value.value)) {
          report(node.value, node.value.value);
        }
        if (node.value.type === 'JSXExpressionContainer') {
          const e = node.value.expression;
          if (e.type === 'Literal' && typeof e.value === 'string' && HAS_LETTER.test(e.value)) report(e, e.value);
          if (e.type === 'TemplateLiteral' && e.quasis.some((q) => HAS_LETTER.test(q.value.cooked ?? ''))) report(e, 'template');
        }
      },
    };
  },
};
