% Decision maps
% {{REPOSITORY}}
% Edition {{EDITION}}

One picture per policy, over two of its dimensions: each region is coloured
by what decides it there (a rule, an exception, a line, or nothing at all, where
the policy is silent). A thick red border marks where a line takes over.

{{#POLICY}}
::: {.map}
# {{POLICY_TITLE}}

{{CAPTION}}

{{IMAGE}}
:::

{{/POLICY}}
