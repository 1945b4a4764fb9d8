% The judgment grid
% {{REPOSITORY}}
% Edition {{EDITION}}

Every exception staff may grant, side by side: how far it goes, its ceiling,
who grants it, and the three questions a manager asks of it (did it make the
customer feel cared for, was it cost-effective, did it win loyalty).

{{WHAT_CHANGED}}{{#POLICY}}
# {{POLICY_TITLE}}

{{#NO_EXCEPTION}}
This policy allows no exception.

{{/NO_EXCEPTION}}
{{#GRID}}
| Exception | How far | Ceiling | Granted by | Cared for? | Cost-effective? | Loyalty? |
|:----------------|:----------------------|:-----------|:-----------|:-------------|:-------------|:-------------|
{{#EXCEPTION}}| **{{ITEM_TITLE}}** (instead of: {{BENDS}}) | {{REACH}} | {{CEILING}} | {{GRANTED_BY}} | {{CARED_FOR}} | {{COST_EFFECTIVE}} | {{LOYALTY}} |
{{/EXCEPTION}}
{{/GRID}}{{/POLICY}}
