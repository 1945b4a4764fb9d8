% Case review: the calls staff made
% {{REPOSITORY_LINE}}
% {{SCOPE}}

::: {.cover}
{{CALLS}} calls from {{SOURCE}}, held against the policies. Praise the calls that bent a rule well; talk about the ones that went too far; tell the policy owners where the policy is silent.
:::

# Summary

| Class | Calls | Cost |
|:--|--:|--:|
{{#CLASS}}| {{CLASS_NAME}} | {{CLASS_CALLS}} | {{CLASS_COST}} |
{{/CLASS}}
# The judgment grid by role

The calls in each class; the cost of the exceptions made and the dearest call, against the role's own ceiling; and how the manager answered the three questions.

{{BY_ROLE}}
# The judgment grid by staff member

{{BY_STAFF}}{{#NO_STAFF}}No staff member is named in the log.
{{/NO_STAFF}}
# Calls to praise

Exceptions within authority that the manager answered yes on all three questions: {{PRAISE_TOTAL}}.

{{#PRAISE}}{{CALL}}{{/PRAISE}}{{#PRAISE_MORE}}
And {{MORE}} more.
{{/PRAISE_MORE}}
# Calls to talk about

Crossed lines, calls beyond authority or above a ceiling, and calls off the policy: {{TALK_TOTAL}}. Each with what the policy says there, to the person who made the call.

{{#TALK}}{{CALL}}{{/TALK}}{{#TALK_MORE}}
And {{MORE}} more.
{{/TALK_MORE}}
# Where the policy is silent in practice

Cases in situations where no rule and no line decides, grouped by the silent region `leeway check` reports. The policy owners should state the normal answer there.

{{#NO_SILENT}}No case fell where the policy is silent.
{{/NO_SILENT}}{{#SILENT}}- **{{POLICY_TITLE}}**: {{CASES}} where {{WHERE}}. Owner: {{OWNER}}.
{{/SILENT}}