-- docker-compose only (a local development stack): each app's role logs in with its own name as
-- password. A deployment sets real passwords (ALTER ROLE ... PASSWORD) and gives each app its own
-- DATABASE_URL; the roles and their rights come from libs/database/sql/service-roles.sql.
ALTER ROLE commerce_gateway PASSWORD 'commerce_gateway';
ALTER ROLE commerce_user PASSWORD 'commerce_user';
ALTER ROLE commerce_order PASSWORD 'commerce_order';
ALTER ROLE commerce_payment PASSWORD 'commerce_payment';
ALTER ROLE commerce_consumers PASSWORD 'commerce_consumers';
