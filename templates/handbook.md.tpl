% Handbook for the {{ROLE_TITLE}}
% {{REPOSITORY}}
% Edition {{EDITION}}


::: {.cover}
This handbook is for every **{{ROLE_TITLE}}** of {{REPOSITORY}}. It tells
you, policy by policy, the normal answer for a customer, the exceptions you
may grant on your own, the ones you may ask for, and the lines that nobody
crosses.

{{AUTHORITY}}
:::

{{WHAT_CHANGED}}# At a glance

| Policy | You may grant | You may ask for | Lines never crossed |
|:-------|:-------------:|:---------------:|:-------------------:|
{{#GLANCE}}| {{POLICY_TITLE}} | {{GRANT_COUNT}} | {{ASK_COUNT}} | {{LINE_COUNT}} |
{{/GLANCE}}

{{#POLICY}}
# {{POLICY_TITLE}}

{{SUMMARY}}

*Owner: {{OWNER}}.*

## The normal answer

{{#RULE}}
**{{ITEM_TITLE}}.** {{SAYS}}

- When: {{WHEN}}.
- The answer: **{{THEN}}**.

{{STORIES}}{{/RULE}}
## Exceptions you may grant

{{#NO_GRANT}}
There is no exception in this policy that you may grant on your own.

{{/NO_GRANT}}
{{#GRANT}}
### {{ITEM_TITLE}}

{{SAYS}}

- **How far it goes:** {{REACH}}.
- **Instead of:** {{BENDS}}.
- **The answer you may give:** {{THEN}}.
- **Who grants it:** {{GRANTED_BY}}.
{{#EXPLORE}}

::: {.explore}
[Try a situation in the explorer]({{LINK}})
:::
{{/EXPLORE}}
Why we do it:

- *Did it make the customer feel cared for?* {{CARED_FOR}}
- *Was it cost-effective?* {{COST_EFFECTIVE}}
- *Did it win loyalty?* {{LOYALTY}}

{{STORIES}}
{{/GRANT}}
## Exceptions you may ask for

{{#NO_ASK}}
There is no exception in this policy that you would ask a manager for.

{{/NO_ASK}}
{{#ASK}}
### {{ITEM_TITLE}}

{{SAYS}}

- **How far it goes:** {{REACH}}.
- **Instead of:** {{BENDS}}.
- **Ask:** {{GRANTED_BY}}.
{{#EXPLORE}}

::: {.explore}
[Try a situation in the explorer]({{LINK}})
:::
{{/EXPLORE}}
{{STORIES}}{{/ASK}}
## Lines you never cross

{{#NO_LINE}}
This policy states no hard line of its own.

{{/NO_LINE}}
{{#LINE}}
**{{ITEM_TITLE}}.** {{SAYS}}

- When: {{WHEN}}.
{{#FORCES}}- The answer, whatever else applies: **{{THEN}}**.
{{/FORCES}}{{#FORBIDS}}- Never, whatever else applies: **{{NEVER}}**.
{{/FORBIDS}}
{{STORIES}}{{/LINE}}
## Near-the-line drills

{{#NO_DRILL}}
This policy has no exception to practise here.

{{/NO_DRILL}}
{{#DRILL}}
[**Drill {{NUMBER}}.**]{#drill-{{NUMBER}}} A customer comes to you. {{SITUATION}}. What is the answer, and who gives it?
[The answer.](#answer-{{NUMBER}})

{{/DRILL}}
The answers are at the back of this handbook.

{{/POLICY}}
# Glossary

The facts that describe a customer's situation.

{{#DIMENSION}}
**{{NAME}}** ({{KIND}}). {{DESCRIPTION}}

{{/DIMENSION}}
# Answers to the drills

{{#ANSWER}}
[**Drill {{NUMBER}}.**]{#answer-{{NUMBER}}} **{{OUTCOME}}.** {{ANSWER_TEXT}}
[Back to the drill.](#drill-{{NUMBER}})

{{/ANSWER}}

