% The authority matrix
% {{REPOSITORY}}
% Edition {{EDITION}}

Who may grant which exception, up to which cost. A role may grant whatever
the roles that report to it may grant. A dash means: ask a higher role.

{{#ROLE_KEY}}
- **{{ROLE_ID}}**: {{ROLE_TITLE}}, spends up to {{ROLE_CEILING}} on one exception{{REPORTS}}.
{{/ROLE_KEY}}

{{WHAT_CHANGED}}{{#POLICY}}
# {{POLICY_TITLE}}

{{#NO_EXCEPTION}}
This policy allows no exception.

{{/NO_EXCEPTION}}
{{#MATRIX}}
{{HEADER}}
{{RULER}}
{{#ROW}}{{CELLS}}
{{/ROW}}

{{/MATRIX}}
{{/POLICY}}
