// Parser of the Flink / Alibaba Blink SQL dialect. The front end splits a script into statements
// first (compiler/parser/statement_splitter.cpp) and parses each with `singleStatement`, so a
// syntax error in one statement is reported without derailing the next.
parser grammar FlinkSqlParser;

options { tokenVocab = FlinkSqlLexer; }

singleStatement: statement SEMICOLON? EOF;

statement
    : createTable
    | createView
    | createFunction
    | createCatalogOrDatabase
    | dropStatement
    | alterTable
    | setStatement
    | resetStatement
    | insertStatement
    | EXECUTE insertStatement
    | statementSet
    | beginStatementSet
    | endStatementSet
    | explainStatement
    | showStatement
    | describeStatement
    | useStatement
    | addJar
    | queryStatement
    | alterView
    | alterFunction
    // Last: its leading identifiers would otherwise claim `USE CATALOG c`.
    | moduleStatement
    ;

// ---------------------------------------------------------------------------------------------
// DDL

createTable
    : CREATE TEMPORARY? TABLE (IF NOT EXISTS)? tableName=qualifiedName
      (LPAREN tableElement (COMMA tableElement)* COMMA? RPAREN)?
      (COMMENT comment=stringLiteral)?
      (PARTITIONED BY LPAREN partitionColumns=identifierList RPAREN)?
      withOptions?
      likeClause?
      (AS query)?
    ;

tableElement
    : watermarkDefinition
    | tableConstraint
    | periodForSystemTime
    | columnDefinition
    ;

columnDefinition
    : name=identifier AS expression (COMMENT comment=stringLiteral)?           #computedColumn
    | name=identifier dataType
      (METADATA (FROM metadataKey=stringLiteral)? VIRTUAL?)?
      columnConstraint?
      (COMMENT comment=stringLiteral)?                                          #physicalOrMetadataColumn
    ;

columnConstraint: (CONSTRAINT identifier)? PRIMARY KEY (NOT ENFORCED)?;

watermarkDefinition: WATERMARK (name=identifier)? FOR column=qualifiedName AS expression;

tableConstraint
    : (CONSTRAINT name=identifier)? PRIMARY KEY LPAREN identifierList RPAREN (NOT ENFORCED)?
    ;

// Blink's marker of a dimension (lookup) table.
periodForSystemTime: PERIOD FOR SYSTEM_TIME;

withOptions: WITH LPAREN tableOption (COMMA tableOption)* COMMA? RPAREN;

tableOption: key=optionKey EQ value=optionValue;

optionKey: stringLiteral | identifier (DOT identifier)*;

optionValue: stringLiteral | signedNumber | booleanValue | identifier;

likeClause: LIKE source=qualifiedName (LPAREN likeOption* RPAREN)?;

likeOption
    : strategy=(INCLUDING | EXCLUDING | OVERWRITING) feature=identifier
    | strategy=(INCLUDING | EXCLUDING | OVERWRITING) ALL
    ;

createView
    : CREATE TEMPORARY? VIEW (IF NOT EXISTS)? name=qualifiedName
      (LPAREN identifierList RPAREN)? (COMMENT comment=stringLiteral)? AS query
    ;

createFunction
    : CREATE (TEMPORARY SYSTEM?)? FUNCTION (IF NOT EXISTS)? name=qualifiedName
      AS className=stringLiteral (LANGUAGE language=identifier)?
      (USING resourceKind=identifier resource=stringLiteral (COMMA identifier stringLiteral)*)?
    ;

createCatalogOrDatabase
    : CREATE (CATALOG | DATABASE (IF NOT EXISTS)?) name=qualifiedName
      (COMMENT stringLiteral)? withOptions?
    ;

dropStatement
    : DROP TEMPORARY? SYSTEM? kind=(TABLE | VIEW | FUNCTION | CATALOG | DATABASE)
      (IF EXISTS)? name=qualifiedName behavior=identifier?
    ;

alterTable
    : ALTER TABLE (IF EXISTS)? name=qualifiedName
      ( RENAME TO newName=qualifiedName
      | RENAME column=identifier TO newColumn=identifier
      | SET LPAREN tableOption (COMMA tableOption)* RPAREN
      | RESET LPAREN optionKey (COMMA optionKey)* RPAREN
      | action=(ADD | MODIFY) (LPAREN alterElement (COMMA alterElement)* RPAREN | alterElement)
      | DROP dropTarget
      )
    ;

alterElement: tableElement (FIRST | AFTER identifier)?;

alterView: ALTER VIEW name=qualifiedName (RENAME TO newName=qualifiedName | AS query);

alterFunction
    : ALTER TEMPORARY? SYSTEM? FUNCTION (IF EXISTS)? name=qualifiedName
      AS className=stringLiteral (LANGUAGE language=identifier)?
    ;

dropTarget
    : LPAREN identifierList RPAREN
    | PRIMARY KEY
    | CONSTRAINT identifier
    | WATERMARK
    | identifier
    ;

// SET 'key' = 'value', or the SQL client's legacy unquoted SET key=value (its text is taken raw).
setStatement
    : SET (key=stringLiteral EQ value=stringLiteral | legacy=legacyOptionText)?
    ;

resetStatement: RESET (key=stringLiteral | legacy=legacyOptionText)?;

legacyOptionText: ~SEMICOLON+;

addJar: ADD JAR stringLiteral;

useStatement: USE CATALOG? qualifiedName | USE MODULES identifierList;

// LOAD MODULE name [WITH (..)] and UNLOAD MODULE name.
moduleStatement: action=identifier kind=identifier name=identifier withOptions?;

showStatement
    : SHOW CREATE (TABLE | VIEW) qualifiedName                                   #showCreate
    | SHOW FULL? (identifier | FUNCTIONS) ((FROM | IN) qualifiedName)? (NOT? LIKE stringLiteral)?  #showObjects
    | SHOW identifier FUNCTIONS                                                   #showUserFunctions
    | SHOW CURRENT (CATALOG | DATABASE)                                           #showCurrent
    ;

describeStatement: (DESCRIBE | DESC) EXTENDED? qualifiedName;

// ---------------------------------------------------------------------------------------------
// DML

insertStatement
    : (INSERT (INTO | OVERWRITE) | UPSERT INTO) tableName=qualifiedName hint?
      (PARTITION LPAREN partitionValue (COMMA partitionValue)* RPAREN)?
      (LPAREN targetColumns=identifierList RPAREN)?
      query
    ;

partitionValue: identifier (EQ literal)?;

statementSet: EXECUTE? STATEMENT SET BEGIN (insertStatement SEMICOLON)+ END;

// Blink / SQL-client form: BEGIN STATEMENT SET; INSERT ...; INSERT ...; END;
beginStatementSet: BEGIN STATEMENT SET;
endStatementSet: END;

explainStatement
    : EXPLAIN (explainDetail (COMMA explainDetail)*)? (PLAN FOR)?
      (insertStatement | statementSet | query)
    ;

explainDetail: identifier;

queryStatement: query;

// ---------------------------------------------------------------------------------------------
// Queries

query: withClause? queryExpression orderByClause? limitClause?;

withClause: WITH commonTableExpression (COMMA commonTableExpression)*;

commonTableExpression: name=identifier (LPAREN identifierList RPAREN)? AS LPAREN query RPAREN;

queryExpression
    : queryPrimary                                                                 #queryTermDefault
    | left=queryExpression op=INTERSECT setQuantifier? right=queryExpression  #setOperation
    | left=queryExpression op=(UNION | EXCEPT | MINUS) setQuantifier? right=queryExpression #setOperation
    ;

queryPrimary
    : querySpecification                                   #queryPrimaryDefault
    | VALUES rowValue (COMMA rowValue)*                    #inlineValues
    | LPAREN query RPAREN                                  #parenthesizedQuery
    ;

rowValue: ROW? LPAREN expression (COMMA expression)* RPAREN | expression;

querySpecification
    : SELECT hint? setQuantifier? selectItem (COMMA selectItem)*
      (FROM relation (COMMA relation)*)?
      (WHERE where=booleanExpression)?
      (GROUP BY groupingElement (COMMA groupingElement)*)?
      (HAVING having=booleanExpression)?
      (WINDOW namedWindow (COMMA namedWindow)*)?
    ;

setQuantifier: DISTINCT | ALL;

selectItem
    : qualifiedName DOT ASTERISK                  #qualifiedStar
    | ASTERISK                                    #star
    | expression (AS? alias=identifier)?          #selectExpression
    ;

orderByClause: ORDER BY sortItem (COMMA sortItem)*;

sortItem: expression ordering=(ASC | DESC)? (NULLS nullOrdering=(FIRST | LAST))?;

limitClause
    : LIMIT (limit=INTEGER_VALUE | ALL) (OFFSET offset=INTEGER_VALUE (ROW | ROWS)?)?
    | (OFFSET offset=INTEGER_VALUE (ROW | ROWS)?)? FETCH (FIRST | NEXT) limit=INTEGER_VALUE (ROW | ROWS) ONLY
    | OFFSET offset=INTEGER_VALUE (ROW | ROWS)?
    ;

groupingElement
    : GROUPING SETS LPAREN groupingSet (COMMA groupingSet)* RPAREN   #groupingSets
    | ROLLUP LPAREN expression (COMMA expression)* RPAREN            #rollup
    | CUBE LPAREN expression (COMMA expression)* RPAREN              #cube
    | LPAREN RPAREN                                                  #emptyGrouping
    | expression                                                     #singleGrouping
    ;

groupingSet
    : LPAREN (expression (COMMA expression)*)? RPAREN
    | ROLLUP LPAREN expression (COMMA expression)* RPAREN
    | CUBE LPAREN expression (COMMA expression)* RPAREN
    | expression
    ;

namedWindow: name=identifier AS windowSpecification;

relation
    : left=relation joinType JOIN LATERAL? right=relationPrimary joinCriteria?   #joinRelation
    | left=relation CROSS JOIN LATERAL? right=relationPrimary                    #crossJoinRelation
    | relationPrimary                                                            #relationDefault
    ;

joinType: INNER? | LEFT OUTER? | RIGHT OUTER? | FULL OUTER?;

joinCriteria: ON booleanExpression | USING LPAREN identifierList RPAREN;

relationPrimary
    : qualifiedName hint? temporalClause? tableAlias? (matchRecognize matchAlias=tableAlias?)? #tableReference
    | LATERAL? LPAREN query RPAREN temporalClause? tableAlias? (matchRecognize matchAlias=tableAlias?)? #derivedTable
    | LATERAL? TABLE LPAREN functionCall RPAREN tableAlias?                      #tableFunction
    | UNNEST LPAREN expression (COMMA expression)* RPAREN (WITH ORDINALITY)? tableAlias? #unnest
    | LPAREN relation RPAREN tableAlias?                                         #parenthesizedRelation
    ;

temporalClause: FOR SYSTEM_TIME AS OF valueExpression;

tableAlias: AS? alias=identifier (LPAREN identifierList RPAREN)?;

matchRecognize
    : MATCH_RECOGNIZE LPAREN
      (PARTITION BY expression (COMMA expression)*)?
      orderByClause?
      (MEASURES measure (COMMA measure)*)?
      rowsPerMatch?
      (AFTER MATCH skipTo)?
      PATTERN LPAREN rowPattern RPAREN (WITHIN intervalLiteral)?
      (SUBSET subsetDefinition (COMMA subsetDefinition)*)?
      DEFINE patternDefinition (COMMA patternDefinition)*
      RPAREN
    ;

measure: expression AS identifier;
rowsPerMatch: ONE ROW PER MATCH | ALL ROWS PER MATCH;
skipTo
    : SKIP_ TO NEXT ROW
    | SKIP_ PAST LAST ROW
    | SKIP_ TO (FIRST | LAST)? identifier
    ;
subsetDefinition: identifier EQ LPAREN identifierList RPAREN;
patternDefinition: identifier AS booleanExpression;

rowPattern: rowPatternTerm (PIPE rowPatternTerm)*;
rowPatternTerm: rowPatternFactor+;
rowPatternFactor: rowPatternPrimary patternQuantifier?;
rowPatternPrimary
    : identifier
    | CARET
    | DOLLAR
    | LPAREN rowPattern? RPAREN
    ;
patternQuantifier
    : (ASTERISK | PLUS | QUESTION) QUESTION?
    | LBRACE INTEGER_VALUE? (COMMA INTEGER_VALUE?)? RBRACE QUESTION?
    ;

hint: HINT_START hintItem (COMMA? hintItem)* HINT_END;
hintItem: name=identifier (LPAREN (hintOption (COMMA hintOption)*)? RPAREN)?;
hintOption
    : key=hintKey EQ value=stringLiteral
    | hintKey
    ;
hintKey: stringLiteral | identifier (DOT identifier)*;

// ---------------------------------------------------------------------------------------------
// Expressions: precedence from the loosest (OR) to the tightest (field access).

expression: booleanExpression;

booleanExpression
    : NOT booleanExpression                                           #logicalNot
    | EXISTS LPAREN query RPAREN                                      #exists
    | valueExpression predicate?                                      #predicated
    | left=booleanExpression op=AND right=booleanExpression     #logicalBinary
    | left=booleanExpression op=OR right=booleanExpression      #logicalBinary
    ;

predicate
    : NOT? kind=BETWEEN symmetry=(SYMMETRIC | ASYMMETRIC)? lower=valueExpression AND upper=valueExpression
    | NOT? kind=IN LPAREN query RPAREN
    | NOT? kind=IN LPAREN expression (COMMA expression)* RPAREN
    | NOT? kind=LIKE pattern=valueExpression (ESCAPE escape=valueExpression)?
    | NOT? kind=SIMILAR TO pattern=valueExpression (ESCAPE escape=valueExpression)?
    | IS NOT? kind=NULL_
    | IS NOT? kind=(TRUE | FALSE | UNKNOWN)
    | IS NOT? kind=JSON (identifier | ARRAY)?
    | kind=OVERLAPS right=valueExpression
    | comparisonOperator quantifier=(ALL | ANY | SOME) LPAREN query RPAREN
    | IS NOT? kind=DISTINCT FROM right=valueExpression
    ;

valueExpression
    : primaryExpression                                                             #valueDefault
    | op=(MINUS_SIGN | PLUS) valueExpression                                  #arithmeticUnary
    | left=valueExpression op=(ASTERISK | SLASH | PERCENT) right=valueExpression #arithmeticBinary
    | left=valueExpression op=(PLUS | MINUS_SIGN) right=valueExpression       #arithmeticBinary
    | left=valueExpression op=CONCAT_PIPE right=valueExpression               #arithmeticBinary
    | left=valueExpression comparisonOperator right=valueExpression                 #comparison
    ;

comparisonOperator: EQ | DOUBLE_EQ | NEQ | BANG_EQ | LT | LTE | GT | GTE;

primaryExpression
    : CASE operand=expression? whenClause+ (ELSE elseValue=expression)? END        #caseExpression
    | castKind=(CAST | TRY_CAST) LPAREN expression AS dataType RPAREN              #cast
    | EXTRACT LPAREN unit=identifier FROM valueExpression RPAREN                   #extract
    | POSITION LPAREN needle=valueExpression IN haystack=valueExpression RPAREN    #position
    | TRIM LPAREN side=(BOTH | LEADING | TRAILING)? characters=valueExpression? FROM
      source=valueExpression RPAREN                                               #trim
    | SUBSTRING LPAREN source=valueExpression FROM start=valueExpression
      (FOR length=valueExpression)? RPAREN                                         #substring
    | OVERLAY LPAREN source=valueExpression PLACING replacement=valueExpression
      FROM start=valueExpression (FOR length=valueExpression)? RPAREN              #overlay
    | name=(CEIL | CEILING | FLOOR) LPAREN valueExpression TO unit=identifier RPAREN #floorCeilToUnit
    | name=(TIMESTAMPADD | TIMESTAMPDIFF) LPAREN unit=identifier COMMA
      first=expression COMMA second=expression RPAREN                              #timestampArithmetic
    | JSON_VALUE LPAREN json=expression COMMA path=expression
      (RETURNING dataType)? jsonValueBehavior* RPAREN                              #jsonValue
    | JSON_QUERY LPAREN json=expression COMMA path=expression
      jsonQueryWrapper? jsonQueryBehavior* RPAREN                                  #jsonQuery
    | JSON_EXISTS LPAREN json=expression COMMA path=expression
      (jsonExistsBehavior=(TRUE | FALSE | UNKNOWN | ERROR) ON ERROR)? RPAREN                             #jsonExists
    | JSON_OBJECT LPAREN (jsonKeyValue (COMMA jsonKeyValue)*)? jsonNullClause? RPAREN #jsonObject
    | JSON_ARRAY LPAREN (expression (COMMA expression)*)? jsonNullClause? RPAREN    #jsonArray
    | aggregate=identifier LPAREN expression jsonNullClause RPAREN                    #jsonArrayAggregate
    | ARRAY LBRACKET (expression (COMMA expression)*)? RBRACKET                     #arrayConstructor
    | ARRAY LPAREN query RPAREN                                                     #arrayQueryConstructor
    | MAP LBRACKET (expression (COMMA expression)*)? RBRACKET                       #mapConstructor
    | ROW LPAREN (expression (COMMA expression)*)? RPAREN                           #rowConstructor
    | LPAREN expression (COMMA expression)+ RPAREN                                  #implicitRowConstructor
    | DESCRIPTOR LPAREN identifier (COMMA identifier)* RPAREN                       #descriptor
    | aggregate=identifier LPAREN KEY? key=expression VALUE value=expression
      jsonNullClause? RPAREN                                                         #jsonObjectAggregate
    | functionName LPAREN ASTERISK RPAREN filterClause? overClause?                  #countStar
    | functionName LPAREN (setQuantifier? functionArgument (COMMA functionArgument)*)? RPAREN
      withinGroup? nullTreatment? filterClause? overClause?                          #functionCallExpression
    | literal                                                                        #literalExpression
    | LPAREN query RPAREN                                                            #scalarSubquery
    | identifier                                                                     #columnReference
    | base=primaryExpression DOT field=identifier                                    #dereference
    | value=primaryExpression LBRACKET index=valueExpression RBRACKET                #subscript
    | LPAREN expression RPAREN                                                       #parenthesizedExpression
    ;

functionCall: functionName LPAREN (functionArgument (COMMA functionArgument)*)? RPAREN;

functionArgument
    : name=identifier ARROW functionArgument                         #namedArgument
    | TABLE qualifiedName (PARTITION BY (LPAREN expression (COMMA expression)* RPAREN | expression))?
      (ORDER BY sortItem (COMMA sortItem)*)?                        #tableArgument
    | expression                                                     #expressionArgument
    ;

functionName: qualifiedName | LEFT | RIGHT | INSERT;

whenClause: WHEN conditions+=expression (COMMA conditions+=expression)* THEN result=expression;

filterClause: FILTER LPAREN WHERE booleanExpression RPAREN;
withinGroup: WITHIN GROUP LPAREN orderByClause RPAREN;
nullTreatment: (IGNORE | RESPECT) NULLS;
overClause: OVER (windowName=identifier | windowSpecification);

windowSpecification
    : LPAREN baseWindow=identifier?
      (PARTITION BY expression (COMMA expression)*)?
      orderByClause?
      windowFrame?
      RPAREN
    ;

windowFrame
    : frameType=(ROWS | RANGE) BETWEEN start=frameBound AND end=frameBound
    | frameType=(ROWS | RANGE) start=frameBound
    ;

frameBound
    : UNBOUNDED direction=(PRECEDING | FOLLOWING)
    | CURRENT ROW
    | expression direction=(PRECEDING | FOLLOWING)
    ;

jsonValueBehavior
    : (identifier | NULL_ | ERROR | identifier) ON (EMPTY | ERROR)
    | identifier expression ON (EMPTY | ERROR)
    ;
jsonQueryWrapper: (WITHOUT | WITH identifier?) ARRAY? WRAPPER;
jsonQueryBehavior: (NULL_ | ERROR | identifier ARRAY? | identifier identifier) ON (EMPTY | ERROR);
jsonKeyValue: KEY? key=expression VALUE value=expression | key=expression COLON value=expression;
jsonNullClause: (NULL_ | ABSENT) ON NULL_;

literal
    : NULL_                                                        #nullLiteral
    | booleanValue                                                #booleanLiteral
    | number                                                      #numericLiteral
    | stringLiteral+                                              #stringLiteralExpression
    | BINARY_LITERAL                                              #binaryLiteral
    | kind=(DATE | TIME | TIMESTAMP) stringLiteral                #datetimeLiteral
    | intervalLiteral                                             #interval
    ;

intervalLiteral: INTERVAL sign=(PLUS | MINUS_SIGN)? (stringLiteral | number) intervalQualifier;

intervalQualifier
    : from=identifier (LPAREN fromPrecision=INTEGER_VALUE (COMMA fractionalPrecision=INTEGER_VALUE)? RPAREN)?
      (TO to=identifier (LPAREN toPrecision=INTEGER_VALUE RPAREN)?)?
    ;

stringLiteral: STRING_LITERAL | DOUBLE_QUOTED_STRING | UNICODE_STRING (UESCAPE escape=STRING_LITERAL)? | CHARSET_STRING;
booleanValue: TRUE | FALSE;
number: INTEGER_VALUE | DECIMAL_VALUE | DOUBLE_VALUE;
signedNumber: (PLUS | MINUS_SIGN)? number;

// ---------------------------------------------------------------------------------------------
// Types

dataType
    : baseDataType (nullability=NOT? NULL_)? (collection=(ARRAY | MULTISET) (NOT? NULL_)?)*
    ;

baseDataType
    : ROW (LT rowField (COMMA rowField)* GT | LPAREN rowField (COMMA rowField)* RPAREN | LT GT | LPAREN RPAREN)  #rowType
    | ARRAY LT dataType GT                                                              #arrayType
    | MULTISET LT dataType GT                                                           #multisetType
    | MAP LT keyType=dataType COMMA valueType=dataType GT                                #mapType
    | RAW LPAREN stringLiteral (COMMA stringLiteral)? RPAREN                              #rawType
    | INTERVAL intervalQualifier                                                         #intervalType
    | TIMESTAMP (LPAREN precision=INTEGER_VALUE RPAREN)? ((WITH | WITHOUT) LOCAL? TIME ZONE)? #timestampType
    | TIME (LPAREN precision=INTEGER_VALUE RPAREN)? (WITHOUT TIME ZONE)?                   #timeType
    | name=identifier (PRECISION | VARYING)?
      (LPAREN first=INTEGER_VALUE (COMMA second=INTEGER_VALUE)? RPAREN)?                   #namedType
    ;

rowField: name=identifier dataType (COMMENT? stringLiteral)? | name=identifier COLON dataType;

// ---------------------------------------------------------------------------------------------
// Names

qualifiedName: identifier (DOT identifier)*;

identifierList: identifier (COMMA identifier)*;

identifier
    : IDENTIFIER
    | BACKQUOTED_IDENTIFIER
    | nonReserved
    ;

nonReserved
    : ABSENT
    | ADD
    | AFTER
    | ANALYZE
    | BEGIN
    | BOTH
    | CATALOG
    | CATALOGS
    | COMMENT
    | CONDITIONAL
    | CUBE
    | CURRENT
    | DATABASE
    | DATABASES
    | DATE
    | DEFINE
    | DESCRIPTOR
    | EMPTY
    | ENFORCED
    | ERROR
    | EXCLUDING
    | EXECUTE
    | EXTENDED
    | EXTRACT
    | FILTER
    | FIRST
    | FLOOR
    | CEIL
    | CEILING
    | FOLLOWING
    | FUNCTION
    | FUNCTIONS
    | GROUPING
    | IF
    | IGNORE
    | INCLUDING
    | JAR
    | JSON
    | JSON_ARRAY
    | JSON_EXISTS
    | JSON_OBJECT
    | JSON_QUERY
    | JSON_VALUE
    | KEY
    | LANGUAGE
    | LAST
    | LEADING
    | LIBRARY
    | LOCAL
    | MATCH
    | MEASURES
    | METADATA
    | MODULES
    | NEXT
    | NULLS
    | ONE
    | ONLY
    | ORDINALITY
    | OVERLAY
    | OVERWRITING
    | PARTITIONED
    | PAST
    | PATTERN
    | PER
    | PERIOD
    | PLACING
    | PLAN
    | POSITION
    | PRECEDING
    | PRECISION
    | RANGE
    | RAW
    | RENAME
    | RESPECT
    | RETURNING
    | ROLLUP
    | ROWS
    | SETS
    | SKIP_
    | STATEMENT
    | SUBSET
    | SUBSTRING
    | SYSTEM
    | TABLES
    | TEMPORARY
    | TIME
    | TIMESTAMP
    | TIMESTAMPADD
    | TIMESTAMPDIFF
    | TRAILING
    | TRIM
    | UNBOUNDED
    | UNCONDITIONAL
    | UNKNOWN
    | USE
    | VALUE
    | VARYING
    | VIEWS
    | VIRTUAL
    | WITHIN
    | WITHOUT
    | WRAPPER
    | ZONE
    | SYMMETRIC
    | ASYMMETRIC
    | MODIFY
    | UESCAPE
    | ANY
    | SOME
    ;
