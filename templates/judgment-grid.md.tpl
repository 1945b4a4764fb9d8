% The judgment grid
% {{REPOSITORY}}
% Edition {{EDITION}}

Every exception staff may grant, with the three questions a manager asks of
it (did it make the customer feel cared for, was it cost-effective, did it win
loyalty), how far it goes, its ceiling and who grants it.

{{#POLICY}}
# {{POLICY_TITLE}}

{{#NO_EXCEPTION}}
This policy allows no exception.

{{/NO_EXCEPTION}}
{{#EXCEPTION}}
## {{ITEM_TITLE}}

| | |
|:------|:--------------------------|
| How far | {{REACH}} |
| Instead of | {{BENDS}} |
| Ceiling | {{CEILING}} |
| Granted by | {{GRANTED_BY}} |
| Cared for | {{CARED_FOR}} |
| Cost-effective | {{COST_EFFECTIVE}} |
| Loyalty | {{LOYALTY}} |

{{/EXCEPTION}}
{{/POLICY}}
