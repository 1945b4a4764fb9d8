% {{ROLE_TITLE}}: your leeway on one page
% {{REPOSITORY}}
% Edition {{EDITION}}

:::: {.card}

{{AUTHORITY}}

{{#POLICY}}
::: {.card-policy}
## {{POLICY_TITLE}}

{{#NORMAL}}
**Normally:** {{NORMAL_ITEMS}}.

{{/NORMAL}}
{{#MAY}}
**You may:** {{MAY_ITEMS}}.

{{/MAY}}
{{#ASK}}
**Ask the {{ASK_ROLE}}:** {{ASK_ITEMS}}.

{{/ASK}}
{{#NEVER}}
**Never:** {{NEVER_ITEMS}}.

{{/NEVER}}
:::

{{/POLICY}}
::::
