# What changed since {{SINCE}}

{{#SITUATIONS}}## Situations where {{#TO_ROLE}}your answer{{/TO_ROLE}}{{#TO_MANAGERS}}the answer{{/TO_MANAGERS}} changed

{{#SITUATION}}- **{{POLICY}}** ({{WHERE}}): before, {{BEFORE}}; now, {{NOW}}.
{{/SITUATION}}{{#MORE}}- And {{COUNT}} more: `leeway diff` lists them all.
{{/MORE}}
{{/SITUATIONS}}{{#ADDED}}## {{#TO_ROLE}}Exceptions new to you{{/TO_ROLE}}{{#TO_MANAGERS}}New exceptions{{/TO_MANAGERS}}

{{#EXCEPTION}}- “{{TITLE}}”: {{OUTCOME}}, {{WHO}}.
{{/EXCEPTION}}
{{/ADDED}}{{#GONE}}## {{#TO_ROLE}}Exceptions no longer yours{{/TO_ROLE}}{{#TO_MANAGERS}}Exceptions gone{{/TO_MANAGERS}}

{{#EXCEPTION}}- “{{TITLE}}”.
{{/EXCEPTION}}
{{/GONE}}{{#CEILINGS}}## Ceilings

{{#ITEM_CEILING}}- “{{TITLE}}”: {{NOW}}, was {{BEFORE}}.
{{/ITEM_CEILING}}{{#ROLE_CEILING}}- {{WHO}}: {{NOW}}, was {{BEFORE}}.
{{/ROLE_CEILING}}
{{/CEILINGS}}{{#LINES}}## Lines

{{#NEW_LINE}}- New: “{{TITLE}}”.
{{/NEW_LINE}}{{#CHANGED_LINE}}- Changed: “{{TITLE}}” ({{KEYS}}).
{{/CHANGED_LINE}}{{#GONE_LINE}}- Gone: “{{TITLE}}”.
{{/GONE_LINE}}
{{/LINES}}{{#NOTHING}}{{#TO_ROLE}}Nothing changed for you since that edition.{{/TO_ROLE}}{{#TO_MANAGERS}}Nothing in the policies changed since that edition.{{/TO_MANAGERS}}

{{/NOTHING}}