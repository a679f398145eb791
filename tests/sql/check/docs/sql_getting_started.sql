-- Flink docs page: dev/table/sql/gettingStarted ("Getting Started"): the SQL client walk-through
-- with the employee_information CSV table and the department_counts sink.
-- The page runs the GROUP BY into the filesystem sink as a batch job; the runtime mode is set
-- here so that the append-only sink accepts the aggregate.

SELECT CURRENT_TIMESTAMP;

SELECT 'Hello World';

SHOW FUNCTIONS;

SET 'execution.runtime-mode' = 'batch';

CREATE TABLE employee_information (
    emp_id INT,
    name VARCHAR,
    dept_id INT
) WITH (
    'connector' = 'filesystem',
    'path' = '/path/to/something.csv',
    'format' = 'csv'
);

SELECT * from employee_information WHERE dept_id = 1;

SELECT
   dept_id,
   COUNT(*) as emp_count
FROM employee_information
GROUP BY dept_id;

CREATE TABLE department_counts (
    dept_id INT,
    emp_count BIGINT NOT NULL
) WITH (
    'connector' = 'filesystem',
    'path' = '/path/to/something',
    'format' = 'csv'
);

INSERT INTO department_counts
SELECT
   dept_id,
   COUNT(*) as emp_count
FROM employee_information
GROUP BY dept_id;
