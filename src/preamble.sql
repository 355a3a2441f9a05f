-- managed_services: SLA analytics for buyers and sellers of managed services.
-- This file is assembled from src/*.sql by the Makefile; edit those files.

\echo Use "CREATE EXTENSION managed_services" to load this file. \quit
