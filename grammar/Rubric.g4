// The rubric language. See README.md, "Language reference", for the meaning of every construct.
//
// This grammar only describes shape. Names are resolved, values checked against scales and
// ordering rules enforced in org.rubricc.check, never here: a file that parses may still be wrong.
grammar Rubric;

// ---------------------------------------------------------------------------------------------
// Files
// ---------------------------------------------------------------------------------------------

file
    : (rubricHeader | libraryHeader) declaration* EOF
    ;

rubricHeader
    : RUBRIC id=ident headerField*
    ;

libraryHeader
    : LIBRARY id=ident headerField*
    ;

headerField
    : VERSION version=versionText           # versionField
    | TITLE text                            # titleField
    | DESCRIPTION text                      # descriptionField
    ;

versionText
    : VERSION_LITERAL | NUMBER | STRING
    ;

declaration
    : importDecl
    | itemBlock
    | scaleDecl
    | section
    | ruleDecl
    | tableDecl
    | expectDecl
    ;

// In a library: a dimension its rules and tables look at, which every importing rubric must define with this scale.
expectDecl
    : EXPECT id=ident SCALE scaleRef
    ;

importDecl
    : IMPORT path=STRING AS alias=ident
    ;

// ---------------------------------------------------------------------------------------------
// What the rater is shown
// ---------------------------------------------------------------------------------------------

itemBlock
    : ITEM LBRACE itemField* RBRACE
    ;

itemField
    : id=ident COLON kind=ident label=text description=text?
    ;

// ---------------------------------------------------------------------------------------------
// Scales
// ---------------------------------------------------------------------------------------------

scaleDecl
    : SCALE name=ident COLON scaleBody
    ;

scaleBody
    : kind=ident (LBRACE scaleEntry* RBRACE)?
    ;

scaleEntry
    : NUMBER label=text description=text? formerly?          # pointEntry
    | setting=(MIN | MAX | STEP) NUMBER                       # numberSetting
    | setting=(YES | NO) label=text                           # labelSetting
    | PATTERN regex=text description=text?                    # patternSetting
    | id=ident label=text description=text? formerly?         # choiceEntry
    ;

formerly
    : FORMERLY olds+=valueLiteral (COMMA olds+=valueLiteral)*
    ;

// ---------------------------------------------------------------------------------------------
// Sections and dimensions
// ---------------------------------------------------------------------------------------------

section
    : SECTION id=ident title=text LBRACE sectionMember* RBRACE
    ;

sectionMember
    : GUIDANCE text                          # sectionGuidance
    | SKIP_ WHEN condition                   # sectionSkip
    | FORMERLY ident                         # sectionFormerly
    | dimension                              # sectionDimension
    ;

dimension
    : DIMENSION id=ident title=text LBRACE dimensionMember* RBRACE
    ;

dimensionMember
    : QUESTION text                                              # questionMember
    | SCALE scaleRef                                             # scaleMember
    | REQUIRED                                                   # requiredMember
    | OPTIONAL                                                   # optionalMember
    | WEIGHT NUMBER                                              # weightMember
    | GUIDANCE text                                              # guidanceMember
    | EXAMPLE valueLiteral text                                  # exampleMember
    | NOT_APPLICABLE text                                        # notApplicableMember
    | SKIP_ WHEN condition                                       # skipMember
    | JUSTIFY (WHEN condition)? (MIN NUMBER)?                    # justifyMember
    | FORMERLY ident                                             # formerlyMember
    ;

// An inline scale always has braces (`scale boolean {}`), so `scale likert5` is always a reference.
scaleRef
    : kind=ident LBRACE scaleEntry* RBRACE   # inlineScale
    | qualifiedName                          # namedScale
    ;

qualifiedName
    : ident (DOT ident)?
    ;

// ---------------------------------------------------------------------------------------------
// Edge-case rules
// ---------------------------------------------------------------------------------------------

ruleDecl
    : RULE id=ident title=text LBRACE ruleMember* RBRACE
    ;

ruleMember
    : GUIDANCE text                                              # ruleGuidance
    | WHEN condition                                             # ruleWhen
    | THEN constraint                                            # ruleThen
    | ABOUT ident (COMMA ident)*                                 # ruleAbout
    | FORMERLY ident                                             # ruleFormerly
    ;

constraint
    : REQUIRE target=ident                                       # requireConstraint
    | FORBID target=ident compareOp valueLiteral                 # forbidCompareConstraint
    | FORBID target=ident IN valueSet                            # forbidInConstraint
    | JUSTIFY target=ident (MIN NUMBER)?                         # justifyConstraint
    | target=ident compareOp valueLiteral                        # boundConstraint
    | target=ident IN valueSet                                   # inConstraint
    ;

// ---------------------------------------------------------------------------------------------
// Decision tables: the first row names the inputs and, after `->`, the dimension they decide; every
// further row gives, per input, the answers it matches and the value it decides.
// ---------------------------------------------------------------------------------------------

tableDecl
    : TABLE id=ident title=text LBRACE tableMember* RBRACE
    ;

tableMember
    : GUIDANCE text                                              # tableGuidance
    | FORMERLY ident                                             # tableFormerly
    | PIPE (cells+=tableCell PIPE)+ ARROW output=valueLiteral PIPE  # tableRow
    | OTHERWISE ARROW output=valueLiteral                        # tableOtherwise
    ;

tableCell
    : cellEntry (COMMA cellEntry)*
    ;

cellEntry
    : ANY                                                        # anyCell
    | NOT ANSWERED                                               # unansweredCell
    | compareOp valueLiteral                                     # compareCell
    | valueLiteral                                               # valueCell
    ;

// ---------------------------------------------------------------------------------------------
// Conditions: `not` binds tighter than `and`, which binds tighter than `or`.
// ---------------------------------------------------------------------------------------------

condition
    : NOT condition                                              # notCondition
    | condition AND condition                                    # andCondition
    | condition OR condition                                     # orCondition
    | LPAREN condition RPAREN                                    # parenCondition
    | ref=ident compareOp valueLiteral                           # compareCondition
    | ref=ident NOT? IN valueSet                                 # inCondition
    | ref=ident CONTAINS valueLiteral                            # containsCondition
    | ref=ident IS NOT? ANSWERED                                 # answeredCondition
    ;

compareOp
    : EQ | NE | LT | LE | GT | GE
    ;

valueSet
    : LBRACE valueLiteral (COMMA valueLiteral)* COMMA? RBRACE
    ;

valueLiteral
    : NUMBER
    | TRUE
    | FALSE
    | NA
    | ident
    ;

text
    : STRING
    | TEXT_BLOCK
    ;

// Keywords are reserved only where they would be ambiguous; everywhere else they may serve as ids,
// so a rubric can have a choice called `no` or a dimension called `text`.
ident
    : IDENTIFIER
    | RUBRIC | LIBRARY | VERSION | TITLE | DESCRIPTION | IMPORT | AS | ITEM | SCALE | SECTION
    | DIMENSION | QUESTION | REQUIRED | OPTIONAL | WEIGHT | GUIDANCE | EXAMPLE | NOT_APPLICABLE
    | SKIP_ | JUSTIFY | RULE | THEN | REQUIRE | FORBID | ABOUT | FORMERLY | MIN | MAX | STEP
    | YES | NO | CONTAINS | IS | ANSWERED | PATTERN | TABLE | OTHERWISE | ANY | EXPECT
    ;

// ---------------------------------------------------------------------------------------------
// Lexer
// ---------------------------------------------------------------------------------------------

RUBRIC: 'rubric';
LIBRARY: 'library';
VERSION: 'version';
TITLE: 'title';
DESCRIPTION: 'description';
IMPORT: 'import';
AS: 'as';
ITEM: 'item';
SCALE: 'scale';
SECTION: 'section';
DIMENSION: 'dimension';
QUESTION: 'question';
REQUIRED: 'required';
OPTIONAL: 'optional';
WEIGHT: 'weight';
GUIDANCE: 'guidance';
EXAMPLE: 'example';
NOT_APPLICABLE: 'not_applicable';
SKIP_: 'skip';
WHEN: 'when';
JUSTIFY: 'justify';
RULE: 'rule';
THEN: 'then';
REQUIRE: 'require';
FORBID: 'forbid';
ABOUT: 'about';
FORMERLY: 'formerly';
MIN: 'min';
MAX: 'max';
STEP: 'step';
PATTERN: 'pattern';
TABLE: 'table';
OTHERWISE: 'otherwise';
ANY: 'any';
EXPECT: 'expect';
YES: 'yes';
NO: 'no';
AND: 'and';
OR: 'or';
NOT: 'not';
IN: 'in';
CONTAINS: 'contains';
IS: 'is';
ANSWERED: 'answered';
TRUE: 'true';
FALSE: 'false';
NA: 'n/a';

EQ: '==';
NE: '!=';
LE: '<=';
GE: '>=';
LT: '<';
GT: '>';
LBRACE: '{';
RBRACE: '}';
LPAREN: '(';
RPAREN: ')';
COMMA: ',';
COLON: ':';
PIPE: '|';
ARROW: '->';
DOT: '.';

// Anything that starts like a version is one token (`1.0.0+`, `1.0.0-`, `1.0.0.1`), so a malformed one is
// reported as not a semantic version (R0201) rather than as stray characters that derail the parse.
VERSION_LITERAL
    : DIGITS '.' DIGITS '.' DIGITS [0-9A-Za-z.+-]*
    ;

NUMBER
    : '-'? DIGITS ('.' DIGITS)?
    ;

IDENTIFIER
    : [a-zA-Z_] [a-zA-Z0-9_-]*
    ;

TEXT_BLOCK
    : '"""' .*? '"""'
    ;

STRING
    : '"' (ESCAPE | ~["\\\r\n])* '"'
    ;

UNTERMINATED_TEXT_BLOCK
    : '"""' (~'"' | '"' ~'"' | '""' ~'"')*
    ;

UNTERMINATED_STRING
    : '"' (ESCAPE | ~["\\\r\n])*
    ;

// A string in curly quotes, as word processors write it: read as one token so that one error says what is
// wrong and the rest of the file is still checked (org.rubricc.parse.Parsing reads it as a string).
CURLY_STRING
    : [\u201C\u201D] ~[\u201C\u201D"\r\n]* [\u201C\u201D]
    ;

LINE_COMMENT
    : '//' ~[\r\n]* -> channel(HIDDEN)
    ;

BLOCK_COMMENT
    : '/*' .*? '*/' -> channel(HIDDEN)
    ;

// Without this, every `/*` that is never closed would make the lexer scan to the end of the file again.
UNTERMINATED_BLOCK_COMMENT
    : '/*' (~'*' | '*'+ ~[*/])* '*'*
    ;

WS
    : [ \t\r\n\u000C\uFEFF]+ -> channel(HIDDEN)
    ;

// Anything else becomes one token the parser cannot use, so the error points at it.
UNKNOWN_CHAR
    : .
    ;

fragment DIGITS: [0-9]+;
// Any backslash pair is lexed as an escape; which ones mean something is checked after parsing, so a
// wrong escape gets a message of its own instead of breaking the string.
fragment ESCAPE: '\\' ~[\r\n];
