// A simulated Client Portal gateway and Flex Web Service.
