// End-to-end suites start Nest apps and join Kafka consumer groups: allow minutes, not seconds.
jest.setTimeout(120000);
